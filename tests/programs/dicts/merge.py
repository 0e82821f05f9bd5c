base = {"host": "localhost", "port": 80}
override = {"port": 8080, "debug": True}
print(base | override, override | base)
merged = dict(base)
merged |= override
print(merged, base)
merged |= [("extra", 1)]
print(merged)
print({**base, **override, "port": 1})
try:
    base | [("a", 1)]
except TypeError as e:
    print(type(e).__name__, e)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"a": {"x": 1}, "b": {"y": 2}}
nested["a"]["z"] = 3
print(nested, {k: sorted(v) for k, v in nested.items()})
print(dict(zip("abc", [1, 2, 3])), {v: k for k, v in dict(zip("abc", [1, 2, 3])).items()})
