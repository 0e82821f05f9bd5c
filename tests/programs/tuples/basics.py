t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], type(t).__name__)
print((), (1,), (1), tuple(), tuple("abc"), tuple([1, 2]), tuple(range(3)))
print((1, 2) + (3,), (1, 2) * 2, 2 in (1, 2), (1, 2).count(1), (1, 2, 1).index(1, 1))
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"), (1,) == [1])
try:
    (1, 2).index(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1,)[3]
except IndexError as e:
    print(type(e).__name__, e)
x = 1, 2, 3
y, *z = x
print(x, y, z, max(x), sum(x), sorted((3, 1, 2)))
print(repr((None,)), str(("a", 'b"c')), tuple(t for t in "xy"))
