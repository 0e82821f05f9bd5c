# hash() of numbers, tuples and frozensets as CPython computes them.
print(hash(1), hash(1.0), hash(True), hash(False), hash(0), hash(-1), hash(-2), hash(-1.0))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 - 2), hash(-(2 ** 61)), hash(2 ** 100), hash(-(2 ** 70)))
print(hash(0.1), hash(-0.5), hash(1.5), hash(1e300), hash(1e-300), hash(5e-324), hash(2.0 ** 70), hash(-0.0))
print(hash(float("inf")), hash(float("-inf")), hash(123456789.123456789))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3.5))), hash(((), ())), hash((True, 1.0, -1)))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 0.5})))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1) == hash(0), hash((1, 2)) == hash((1.0, 2.0)))


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(H(-1)), hash(H(10)), hash(H(2 ** 64)), hash((H(5), H(-1))))


class NoHash:
    __hash__ = None


for bad in ([], {}, set(), NoHash(), ([],)):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(H("x"))
except TypeError as e:
    print(type(e).__name__, e)
print(id(H) == id(H), id([]) is not None, type(id(1)).__name__)
