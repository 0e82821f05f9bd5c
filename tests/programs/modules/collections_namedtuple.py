from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p))
q = Point(y=5, x=4)
print(q, q == (4, 5), p + q, p._asdict())
print(p._replace(x=10), p, Point._fields, Point._make([7, 8]))
x, y = q
print(x, y, isinstance(p, tuple), type(p).__name__)
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color(1, 2, 3))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
print({p: "hashable"}[Point(1, 2)])
