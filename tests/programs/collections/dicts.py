d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(d.pop("a"), d, d.setdefault("e", 5), d)
d.update({"b": 20, "f": 6})
print(d)
del d["b"]
print(d, {x: x * x for x in range(4)}, dict(a=1, b=2), dict([(1, 2)]))
e = dict(d)
e.clear()
print(e, d == {"c": 3, "e": 5, "f": 6}, {1: "a", 1.0: "b", True: "c"})
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err, repr(err))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({**d, "z": 0}, {(1, 2): "tuple key"})
