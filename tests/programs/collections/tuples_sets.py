t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[:2], (1,), (), tuple([4, 5]))
a, b, c = t
print(a, b, c, t + (4,), t * 2, 3.0 in t, t.index("two"), t.count(1))
print((1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), len(s), 2 in s, 9 in s)
print(sorted({1, 2} | {2, 3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2, 3}), sorted({1, 2} ^ {2, 3}))
print(set(), sorted(set("hello")), sorted({x % 3 for x in range(10)}), frozenset() == set())
print(len(range(10)), range(2, 10, 3)[1], list(range(10, 0, -3)), 5 in range(10), range(5))
