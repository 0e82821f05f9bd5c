# `for a, b in enumerate(...)` / `zip(x, y)` (the loop takes the pair without a tuple when
# the iterators need no Python calls): ends, shared iterators, big counts, mutation, and the
# iterators that take the general path.
def gen(n):
    for i in range(n):
        yield i * i


def loops():
    out = []
    for i, c in enumerate("abc"):
        out.append((i, c))
    for i, x in enumerate([10, 20], 5):
        out.append((i, x))
    for i, x in enumerate((1, 2), 2**63 - 2):
        out.append((i, x))
    for i, x in enumerate(range(2), 2**70):
        out.append((i, x))
    for i, x in enumerate(gen(3)):
        out.append((i, x))
    for a, b in zip([1, 2, 3], "xy"):
        out.append((a, b))
    for a, b in zip(range(2), gen(5)):
        out.append((a, b))
    for a, b in zip(gen(2), (7, 8, 9)):
        out.append((a, b))
    for k, v in enumerate({"p": 1, "q": 2}):
        out.append((k, v))
    for (i, (a, b)) in enumerate(zip("ab", "cd")):
        out.append((i, a, b))
    return out


print(loops())

it = iter([1, 2, 3, 4])
pairs = [(a, b) for a, b in zip(it, [10, 20])]
print(pairs, next(it), list(it))

it = iter(range(6))
print([(a, b) for a, b in zip(it, it)])

e = enumerate("wxyz")
for i, c in e:
    if i == 1:
        print("skipped", next(e))
print(list(e))

grow = [1, 2]
for i, x in enumerate(grow):
    if len(grow) < 5:
        grow.append(x * 10)
print(grow)

d = {"a": 1}
try:
    for i, k in enumerate(d):
        d["b%d" % i] = i
except RuntimeError as err:
    print("RuntimeError:", err)

try:
    for i, (a, b) in enumerate([(1, 2), (3,)]):
        pass
except ValueError as err:
    print("ValueError:", err, i)

for i, x in enumerate([5, 6]):
    pass
print("module level", i, x)

z = zip([1], [2])
print(list(z), list(z))
try:
    for a, b in zip([1, 2], [3], strict=True):
        pass
except ValueError as err:
    print("ValueError:", err)
for a, b, c in zip([1], [2], [3]):
    print(a, b, c)
try:
    for a, b in enumerate([1, 2, 3]), 1:
        print("unpacked", a, b)
except ValueError as err:
    print("ValueError:", err)
