# Allocation-heavy: a million small tuples, lists and instances made and dropped.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
total = 0
for i in range(n):
    t = (i, i + 1)
    l = [i, t]
    p = Point(i, l)
    total += p.x + len(p.y)
print(total)
