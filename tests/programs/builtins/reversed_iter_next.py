print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed(range(10, 0, -3))))
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r), next(r, "end"))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print(type(e).__name__, e)


class Countdown:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return f"item{i}"


print(list(reversed(Countdown())))
it = iter([10, 20])
print(next(it), next(it, None), next(it, None))
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 4)))
stream = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(stream), "")))
try:
    next(iter([]))
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(list(range(0)), list(range(3, 0)), list(range(0, 10, 4)), range(5)[-1], len(range(1, 10, 2)), 4 in range(0, 10, 2))
print(range(10)[2:8:2], range(3) == range(0, 3), list(range(-3, 3, 2)), repr(range(1, 5)))
