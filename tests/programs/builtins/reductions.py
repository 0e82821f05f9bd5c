print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(5), start=-10))
print(sum([True, True, False]), sum(x * x for x in range(4)), sum([1, 2.5]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
calls = []


def check(x):
    calls.append(x)
    return x > 1


print(any(check(x) for x in [0, 1, 2, 3, 4]), calls)
calls.clear()
print(all(check(x) for x in [5, 4, 1, 9]), calls)
print(min(3, 1, 2), max(3, 1, 2), min("bca"), max([2, 8], [3]), min([], default=None), max((), default=-1))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max([1, 3, 3, 2], key=lambda v: v))
print(max([(1, "b"), (1, "a")]), min({"x": 3, "y": 1}, key=lambda k: {"x": 3, "y": 1}[k]))
for bad in [lambda: min([]), lambda: max(1), lambda: max(1, 2, default=0), lambda: min()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
