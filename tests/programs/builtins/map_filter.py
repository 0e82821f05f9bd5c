print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(map(str.upper, ["x", "y"])), list(map(int, "123")), list(map(len, [[], [1], "ab"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda n: n > 2, range(6))), list(map(lambda x: x, [])))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m), list(m))
f = filter(lambda c: c in "aeiou", "education")
print(type(f).__name__, "".join(f))


def noisy(x):
    print("  mapping", x)
    return x + 1


lazy = map(noisy, [1, 2, 3])
print("created map")
print(next(lazy))
print(list(lazy))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
