names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("ab", -1)))
for i, name in enumerate(names, 10):
    print(i, name)
print(list(zip(names, [1, 2, 3], "xyz")), list(zip(names, [1])), list(zip()), list(zip("ab")))
pairs = list(zip("abc", range(3)))
letters, numbers = zip(*pairs)
print(letters, numbers)
print(dict(zip(names, range(3))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
e = enumerate("xy")
print(next(e), next(e), next(e, "done"), type(e).__name__)
z = zip([1], [2])
print(iter(z) is z, next(z), type(z).__name__)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
