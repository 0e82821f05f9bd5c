"""Float: builds many points from trigonometric functions, normalises them, and folds them into
their component-wise maximum (lots of float arithmetic and object allocation). Written for
gilvm's benchmark suite; `--small` runs a short version for the correctness test."""

import sys
from math import cos, sin, sqrt

SMALL = "--small" in sys.argv[1:]


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    n = 2000 if SMALL else 100000
    rounds = 1 if SMALL else 4
    for _ in range(rounds):
        result = benchmark(n)
    print("float:", result)


main()
