class Vec:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


def add(a, b):
    return a + b


def scaled(a, factor=2):
    return a * factor


def run(n):
    total = 0
    for i in range(n):
        total = add(total, i)
        total += scaled(i) + scaled(i, 3)
        total += len("abc") + abs(-i)
        total += Vec(i).x
    return total


print(run(900_000))
