"""Chaos: the chaos game on an iterated function system whose maps are B-splines: each step
picks a spline (weighted by its length), maps the current point to a point on the spline plus
an offset along the spline's normal, and plots it on a grid. Spline evaluation is de Boor's
algorithm over point objects. Written for gilvm's benchmark suite; `--small` runs a short
version for the correctness test."""

import math
import random
import sys

SMALL = "--small" in sys.argv[1:]


class Point:
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    def lerp(self, other, t):
        return Point(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y)


class Spline:
    """A clamped B-spline of the given degree through control points, parameter in [0, 1]."""

    def __init__(self, points, degree):
        self.points = points
        self.degree = degree
        inner = len(points) - degree - 1
        self.knots = [0.0] * (degree + 1) + [(i + 1) / (inner + 1) for i in range(inner)] + [1.0] * (degree + 1)
        self.length = self.measure(64)

    def span(self, t):
        last = len(self.points) - 1
        if t >= 1.0:
            return last
        k = self.degree
        while self.knots[k + 1] <= t:
            k += 1
        return k

    def __call__(self, t):
        k = self.span(t)
        p = self.degree
        knots = self.knots
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                i = j + k - p
                denominator = knots[i + p - r + 1] - knots[i]
                alpha = 0.0 if denominator == 0 else (t - knots[i]) / denominator
                d[j] = d[j - 1].lerp(d[j], alpha)
        return d[p]

    def measure(self, steps):
        total = 0.0
        previous = self(0.0)
        for i in range(1, steps + 1):
            here = self(i / steps)
            total += (here - previous).norm()
            previous = here
        return total


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        total = sum(s.length for s in splines)
        self.cumulative = []
        acc = 0.0
        for s in splines:
            acc += s.length / total
            self.cumulative.append(acc)
        self.min_x = min(p.x for s in splines for p in s.points) - thickness
        self.max_x = max(p.x for s in splines for p in s.points) + thickness
        self.min_y = min(p.y for s in splines for p in s.points) - thickness
        self.max_y = max(p.y for s in splines for p in s.points) + thickness

    def choose(self):
        r = random.random()
        for i, c in enumerate(self.cumulative):
            if r <= c:
                return self.splines[i]
        return self.splines[-1]

    def transform(self, point):
        spline = self.choose()
        # The point's x picks where along the spline, its y how far off it.
        t = (point.x - self.min_x) / (self.max_x - self.min_x)
        offset = (point.y - self.min_y) / (self.max_y - self.min_y) - 0.5
        t = min(max(t, 0.0), 1.0)
        here = spline(t)
        ahead = spline(min(t + 0.001, 1.0))
        behind = spline(max(t - 0.001, 0.0))
        tangent = ahead - behind
        length = tangent.norm()
        if length == 0:
            return here
        normal = Point(-tangent.y / length, tangent.x / length)
        return here + normal * (offset * self.thickness)

    def play(self, iterations, width, height):
        grid = [[0] * width for _ in range(height)]
        point = Point((self.min_x + self.max_x) / 2, (self.min_y + self.max_y) / 2)
        for _ in range(iterations):
            point = self.transform(point)
            col = int((point.x - self.min_x) / (self.max_x - self.min_x) * (width - 1))
            row = int((point.y - self.min_y) / (self.max_y - self.min_y) * (height - 1))
            if 0 <= col < width and 0 <= row < height:
                grid[row][col] += 1
        return grid


def main():
    random.seed(1234)
    splines = [
        Spline([Point(1.597, 3.304), Point(1.576, 4.123), Point(1.313, 5.288), Point(1.619, 5.330),
                Point(2.890, 5.503), Point(2.373, 4.382), Point(1.662, 4.360)], 3),
        Spline([Point(2.805, 4.017), Point(2.551, 3.525), Point(1.979, 2.620), Point(1.979, 2.620)], 3),
        Spline([Point(2.002, 4.011), Point(2.335, 3.313), Point(2.367, 3.233), Point(2.367, 3.233)], 3),
    ]
    game = ChaosGame(splines, 0.25)
    iterations = 500 if SMALL else 21000
    grid = game.play(iterations, 64, 64)
    filled = sum(1 for row in grid for cell in row if cell)
    checksum = 0
    for row in grid:
        for cell in row:
            checksum = (checksum * 31 + cell) % 1000000007
    print("chaos: %d points, %d cells hit, checksum %d, lengths %s" % (
        iterations, filled, checksum, ["%.6f" % s.length for s in splines]))


main()
