d = {}
for key in ["zebra", "apple", "mango"]:
    d[key] = len(key)
print(d, list(d))
d["apple"] = 0
print(d)
del d["zebra"]
d["zebra"] = 1
print(d)
keys = d.keys()
values = d.values()
items = d.items()
d["kiwi"] = 4
print(keys, values, items)
print(len(keys), "kiwi" in keys, 4 in values, ("kiwi", 4) in items)
print(keys & {"kiwi", "x"}, sorted(keys | {"x"}), sorted(keys - {"kiwi"}))
print(list(reversed(d)), list(reversed(d.items())))
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: "a", 2: "b"}) == list({2: "b", 1: "a"}))
print(type(keys).__name__, type(values).__name__, type(items).__name__)
