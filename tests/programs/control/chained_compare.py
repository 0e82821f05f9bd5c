x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5, 1 < x < 3, 1 == 1.0 != 2, 1 < 2 < 3 < 4 < 3)
calls = []


def v(n):
    calls.append(n)
    return n


print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(2) == v(2), calls)
print("a" < "b" < "c", [1] < [2] < [3], (1, 2) < (1, 3) <= (1, 3))
print(0 <= x <= 10 and x != 7, x in [5] in [[5]], 2 not in [1] not in [[2]])
try:
    print(1 < "a" < 2)
except TypeError as e:
    print(type(e).__name__, e)
print(x == 5 == 5.0, (x == 5) == 5, None is None is None)
