# The dict fast paths: `d[k] = v` on an existing key replaces the value in place and keeps the
# key object first stored; `d.get(k)` with numeric keys equal across int/float/bool; keys
# whose class defines __eq__/__hash__ still go through Python code.

d = {1.0: "float"}
d[1] = "int"
d[True] = "bool"
print(d, type(list(d)[0]).__name__)
print(d.get(1), d.get(1.0), d.get(True), d.get(2, "missing"), d.get(2))

s = {}
a = "abc"
b = "".join(["a", "b", "c"])
s[a] = 1
s[b] = 2
print(s, list(s)[0] is a, s.get(b), s.get("abd", 0))

counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)


class Key:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.n == other.n


k1, k2 = Key(5), Key(5)
u = {k1: "first"}
u[k2] = "second"
print(len(u), u[k1], list(u)[0] is k1, u.get(Key(5)), u.get(Key(6), "none"), Key.calls > 0)

# A value replaced while iterating is not a size change; a new key is.
d = {"a": 1, "b": 2}
for k in d:
    d[k] = d[k] * 10
print(d)
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)

# Unhashable keys still raise.
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    d.get([1])
except TypeError as e:
    print("TypeError:", e)

# A built-in type called with a class attribute lookup by text (`__module__`).
print(set("abca") == {"a", "b", "c"}, frozenset([3, 1, 2]) == {1, 2, 3}, dict(a=1))


class Mine(dict):
    pass


print(Mine.__module__, type(Mine(x=1)).__name__, Mine(x=1))

# Sets built from generator expressions, iterated in table order, then torn down nested.
nested = [set(i * j for j in range(9)) for i in range(6)]
print([sorted(x) for x in nested][:3], [len(x) for x in nested])
print(list({5, 3, 9, 1, 7, 2, 8}), list(set(range(20, 0, -3))))
s2 = set()
for i in range(5):
    s2 = {frozenset(s2), i}
print(len(s2))
