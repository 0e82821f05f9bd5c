a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference([1], [2])), sorted(a.symmetric_difference([1, 9])))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, a == {4, 3, 2, 1})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 20}
print(sorted(c))
try:
    a | [5]
except TypeError as e:
    print(type(e).__name__, e)
print(set(), len(set()), set("aab") == {"a", "b"}, sorted(set([3, 1, 3])), {1, 2} == frozenset({1, 2}))
print(sorted({x % 4 for x in range(20)}), 3 in a, 9 not in a)
