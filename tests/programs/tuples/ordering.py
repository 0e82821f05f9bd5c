# Ordering of tuples and lists item by item (sort keys), and a list changed by an __eq__
# during the comparison.
words = {"pear": 3, "fig": 3, "apple": 5, "kiwi": 1, "date": 3}
print(sorted(words.items(), key=lambda item: (-item[1], item[0])))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), ()]))
print((1, 2) < (1, 2, 0), (1, 2) <= (1, 2), (2,) > (1, 9), [1, 2] < [1, 3], [] < [0])
print(sorted([2.5, 1.0, -3.0]), sorted(["b", "a", "ab"]), min((3, "x"), (3, "w")))
nan = float("nan")
print((nan,) < (nan,), (nan,) == (nan,), [nan] <= [nan])
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print(e)


class Shrinker:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


a = [0, 1, 2]
b = [Shrinker(a), 5, 6]
print(a < b, a, len(b))
