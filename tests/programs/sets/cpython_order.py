# Iteration order of sets follows CPython's hash table: probing, dummies, resizes, merges.
print({5, 3, 4}, {100, 1, 10}, {1.5, 2.5, 0.5, 3.25})
print({8, 16, 24, 32, 40, 48}, list({8, 16, 24, 32, 40, 48}))
print({1, 17, 33, 49, 65}, {1, 9, 2, 10, 3, 11}, {True, 1, 1.0}, {0, False})
print({(1, 2), (3, 4), (5, 6), (2, 1)}, {-1, -2, -3, 1.5})
print({2 ** 40, 3, 2 ** 33 + 1}, {2 ** 64, 2 ** 61 - 1, 2 ** 61, 7})

s = set()
for i in range(0, 200, 7):
    s.add(i * 37 % 101)
print(s)
for i in range(0, 100, 3):
    s.discard(i)
print(s)
s.add(1000)
s.add(-5)
s.add(33)
print(s, len(s))
print([s.pop() for _ in range(5)], s)

a = {x * 13 for x in range(40)}
b = set(range(0, 300, 9))
print(a | b)
print(a & b, b & a)
print(a - b)
print(b - a)
print(a ^ b)
print(b ^ a)
c = set(a)
c |= b
print(c)
c = set(a)
c &= b
print(c)
c = set(a)
c -= b
print(c)
c = set(a)
c ^= b
print(c)
print(a.union([5, 1000, 64, 3]), a.intersection([26, 13, 500, 0]))
print(a.difference([13], {26}), a.symmetric_difference([1, 2, 13]))
print(frozenset([10, 20, 30, 40, 50, 60]), set({32: 1, 64: 2, 0: 3, 16: 4}))
x = {1, 2, 3}
x.clear()
x.update([40, 8, 16])
print(x)
t = set(range(20))
t.intersection_update(range(5, 50, 2))
print(t)
t.symmetric_difference_update([1, 2, 7])
print(t)
t.difference_update({9, 11})
print(t)
big = set(range(0, 10000, 37))
big -= set(range(0, 10000, 2))
print(len(big), list(big)[:20])
u = {n * 1.25 for n in range(30)}
print(u, u.copy(), set(u) == u)
keys = {2 ** k for k in range(70)}
print(keys)
w = set()
for k in range(64):
    w.add(k * 64)
    if k % 3 == 0:
        w.discard((k // 2) * 64)
print(w)
print(sorted({"b", "a", "c"}), frozenset({1, 2}) | {9, 17}, {9, 17} | frozenset({1, 2}))
print(len({frozenset({1, 2}), frozenset({3}), frozenset()}), hash(frozenset({1, 2, 3})), hash(frozenset()))
