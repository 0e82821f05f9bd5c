class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx):
        self.x = self.x + dx


def run(n):
    p = Point(1, -2)
    total = 0
    for _ in range(n):
        p.move(1)
        total += p.norm1() + p.y
    return total


print(run(1_500_000))
