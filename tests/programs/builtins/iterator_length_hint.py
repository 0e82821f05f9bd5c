# __length_hint__ of the iterators over collections, as operator.length_hint reads it.
from operator import length_hint

it = iter({0: 1, 2: 3, 4: 5, 6: 7})
print([it.__length_hint__() for _ in range(1)], next(it), it.__length_hint__())
for make in (lambda: iter([1, 2, 3]), lambda: iter((1, 2)), lambda: iter("héllo"), lambda: iter(b"ab"),
             lambda: iter(bytearray(b"xyz")), lambda: iter(range(0, 10, 3)), lambda: iter(range(10, 0, -4)),
             lambda: iter({1, 2, 3}), lambda: reversed([1, 2, 3]), lambda: iter({1: 2}.values()),
             lambda: iter({1: 2}.items()), lambda: iter(range(2**40, 2**40 + 5))):
    it = make()
    hints = [length_hint(it)]
    for _ in it:
        hints.append(length_hint(it))
    print(hints)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
print(it.__length_hint__(), length_hint(iter([]), 5), length_hint(map(str, [1]), 7))
s = {1, 2}
it = iter(s)
s.add(5)
print(it.__length_hint__())
l = [1, 2]
it = iter(l)
l.extend([3, 4])
print(it.__length_hint__())
print(hasattr(map(str, []), "__length_hint__"), hasattr(zip(), "__length_hint__"), hasattr(enumerate([]), "__length_hint__"))
