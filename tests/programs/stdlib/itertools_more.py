import itertools as it

print(list(it.islice(range(10), 2, 8, 3)), list(it.islice("abcdef", 3)), list(it.islice("abc", None)), list(it.islice("abcdef", 1, None)))
src = iter(range(10))
print(list(it.islice(src, 0, 5, 3)), next(src))
src = iter(range(10))
print(list(it.islice(src, 2)), next(src))
print(list(it.islice(it.count(), 5, 2)))
a, b = it.tee(it.count(1), 2)
print([next(a) for _ in range(3)], [next(b) for _ in range(5)], next(a))
x, y, z = it.tee("xyz", 3)
print(list(x), list(y), list(z), it.tee([1], 0))
print(list(it.accumulate([1, 2, 3, 4], initial=100)), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([])))
print(list(it.product("ab", repeat=2)), list(it.product()), list(it.product([1, 2], [])))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations(range(4), 0)), list(it.permutations("abc", 4)))
print(list(it.pairwise("abcd")), list(it.pairwise("a")), [(k, "".join(g)) for k, g in it.groupby("aabbbcd")])
print(list(it.zip_longest("ab", "wxyz", fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.takewhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda v: v < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
c = it.cycle("ab")
print([next(c) for _ in range(5)], list(it.repeat("q", 3)), list(it.repeat(1, -2)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])))
errors = [
    lambda: it.cycle(None),
    lambda: it.cycle(10),
    lambda: it.islice("abc", -1),
    lambda: it.islice("abc", 1, -1),
    lambda: it.islice("abc", 0, 2, 0),
    lambda: it.islice("abc", "x"),
    lambda: it.islice(5, 2),
    lambda: it.tee([1], -1),
    lambda: it.accumulate(3),
    lambda: it.combinations("abc", -1),
    lambda: it.permutations("abc", -2),
    lambda: it.product("ab", repeat=-1),
    lambda: it.zip_longest(1, [2]),
    lambda: it.pairwise(None),
    lambda: it.groupby(7),
    lambda: it.starmap(len, 4),
    lambda: it.takewhile(bool, 4),
    lambda: it.dropwhile(bool, 4),
    lambda: it.filterfalse(bool, 4),
]
for call in errors:
    try:
        call()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
t1, t2 = it.tee(iter([1, 2, 3, 4]))
print(next(t1), next(t1), list(t2), type(t1).__name__)
t3 = t1.__copy__()
print(list(t1), list(t3), list(t1))
u1, u2, u3 = it.tee(t2, 3)
print(list(u1), list(u2))
inner, = it.tee("ab", 1)
print(list(inner), [list(x) for x in it.tee("xy", 2)])
for call in [lambda: it.combinations(range(5), 2 ** 64), lambda: it.product([1, 2], repeat=2 ** 60),
             lambda: it.product([1], [2], repeat=2 ** 61), lambda: it.product([1], repeat=2 ** 64),
             lambda: it.permutations(range(3), 2 ** 63), lambda: it.combinations("ab", 1.5)]:
    try:
        call()
        print("no error")
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
