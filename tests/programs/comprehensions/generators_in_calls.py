data = {"b": 2, "a": 1, "c": 3}
print(sorted(k for k in data))
print(max((v, k) for k, v in data.items()))
print(list(zip((k for k in data), (v * 10 for v in data.values()))))
print("-".join(sorted(k.upper() for k in data if data[k] > 1)))
print(tuple(x for x in range(4)), set(x % 2 for x in range(4)) == {0, 1})
print(list(enumerate(c for c in "ab")))
print(min((len(w), w) for w in "the quick brown fox".split()))
print(sum(1 for _ in range(10)), sum(x * x for x in range(1, 4)))
rows = [(1, 2), (3, 4), (5, 6)]
print([a + b for a, b in rows], {a: b for a, b in rows})
print([x for x, in [(1,), (2,)]], [first for first, *rest in ["abc", "de"]])
print([(k, v) for k, (v, _) in {"p": (1, 0), "q": (2, 0)}.items()])
