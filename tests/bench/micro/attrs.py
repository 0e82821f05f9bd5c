# Instance attribute reads and writes on a plain class (no methods called in the loop).
class Box:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


def run(n):
    box = Box()
    total = 0
    for i in range(n):
        box.a = i
        box.b = box.a + box.c
        total += box.a + box.b + box.c
    return total


print(run(2_000_000))
