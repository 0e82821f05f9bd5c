class Range2:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __contains__(self, x):
        print("  contains", x)
        return self.lo <= x < self.hi


r = Range2(1, 5)
print(3 in r, 5 in r, 0 not in r)


class IterOnly:
    def __iter__(self):
        print("  iter")
        return iter([1, 2, 3])


print(2 in IterOnly(), 7 in IterOnly())


class Truthy:
    def __contains__(self, x):
        return "yes"


print(1 in Truthy(), 1 not in Truthy())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
print("ell" in "hello", "" in "abc", 2 in {1: "a", 2: "b"}, "b" in {1: "a", 2: "b"})
print([1] in [[1], [2]], (1, 2) in [(1, 2)], 1.0 in [1], None in [0, False])
