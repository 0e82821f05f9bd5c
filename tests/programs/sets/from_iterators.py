# set() and set.update from generators and iterators, item by item: an unhashable item stops
# the iteration where it is met.
cols = (2, 0, 3, 1)
print(sorted(set(cols[i] + i for i in range(4))), len(set(cols[i] - i for i in range(4))))
consumed = []


def items():
    for x in [1, 2, [3], 4]:
        consumed.append(x)
        yield x


try:
    set(items())
except TypeError as e:
    print(e, consumed)
s = {1}
s.update(iter([2, 3]), (4,), range(5, 7))
print(sorted(s), sorted(frozenset(x * x for x in range(4))))
