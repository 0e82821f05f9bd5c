(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, (z, w)) = 1, [2, "ab"]
print(x, y, z, w)
[p, q], [r, *s] = "pq", (1, 2, 3)
print(p, q, r, s)
pairs = [((1, 2), "a"), ((3, 4), "b")]
for (left, right), label in pairs:
    print(label, left + right)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)], start=1):
    print(i, name, score)
point = {"x": 1, "y": 2}
for key, value in point.items():
    print(key, value)
for (k, v), n in zip(point.items(), range(10, 12)):
    print(k, v, n)
try:
    (a, b), c = [1, 2, 3], 4
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = 1, 2
except TypeError as e:
    print(type(e).__name__, e)


class NS:
    pass


obj = NS()
obj.attr, lst = "set via unpack", [0, 0]
lst[0], lst[1] = "i0", "i1"
print(obj.attr, lst)
d = {}
d["a"], d["b"] = d["c"], *rest = [1, 2], 3
print(d, rest)
