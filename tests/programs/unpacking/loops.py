records = [("ann", 30, ["py", "rs"]), ("bob", 25, []), ("cy", 41, ["go"])]
for name, age, langs in records:
    print(f"{name:4}{age:3} {len(langs)}")
for name, _, (first, *others) in [r for r in records if r[2]]:
    print(name, first, others)
for index, (name, *_) in enumerate(records):
    print(index, name)
points = {(0, 0): "origin", (1, 0): "east"}
for (x, y), label in points.items():
    print(x, y, label)
for a, b in zip([1, 2, 3], "ab"):
    print(a, b)
for *prefix, last in ["abc", [1, 2]]:
    print(prefix, last)
matrix = [[1, 2], [3, 4]]
for (a, b), (c, d) in [matrix]:
    print(a * d - b * c)
total = 0
for total, in [(1,), (2,)]:
    pass
print(total)
