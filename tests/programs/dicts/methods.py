d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 2 in d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append("x")
print(d.pop("n"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
d.update({"z": 26}, y=25)
d.update([("w", 23)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
copy = d.copy()
copy["b"] = "changed"
print(d["b"], copy["b"])
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), dict(a=1, b=2), dict([(1, 2)]), dict({"k": "v"}, k2="v2"))
d.clear()
print(d, bool(d), dict())
try:
    {}["x"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
