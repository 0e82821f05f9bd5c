# Arithmetic and comparisons on the fast paths' edges: small-int overflow into big ints,
# int/float mixes, division by zero, NaN and infinities, bool operands, str and list operands.
import sys

big = sys.maxsize
print(big + 1, big * 2, -big - 2, (-big - 1) * -1, big - (-1))
print(type(big + 1).__name__, (big + 1) - 1 == big, 2**63 // 2**62)
x = 3
x += big
print(x, x - big)
print(1 + 2.5, 2.5 + 1, 3 * 0.5, 0.5 * 3, 7 / 2, 7.0 / 2, 1 - 0.25, 10 / 4.0)
print(2**53 + 1.0, float(2**53 + 1), 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53)
print(10**30 * 1.5, 1.5 * 10**30, 10**400 > 1e308, 1e308 < 10**400)
try:
    10**400 + 1.0
except OverflowError as e:
    print("OverflowError:", e)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0.0, 0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
nan, inf = float("nan"), float("inf")
print(nan == nan, nan != nan, nan < 1, 1 < nan, inf > big, -inf < -big, inf - inf)
print(True + True, True * 2.5, False - 1, 3 < True, 1.0 == True)
print(1 < 1.5, 2 <= 2.0, 3 == 3.0, 4 != 4.0, 5 > 4.99, 6 >= 6.01, -0.0 == 0)
print("ab" + "cd", "ab" * 3, [1] + [2], [0] * 3, (1,) + (2,))
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    [] < 1.5
except TypeError as e:
    print("TypeError:", e)
print(-5 // 2, -5 % 2, -5.0 // 2, -5 % 2.0, 5 % -3, 2**-1, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(-(-big - 1), abs(-big - 1), ~big, big << 1, big >> 70)
items = [1, 2, 3]
d = {"a": 1, "b": 2.5}
print(items[-1], items[0] + d["b"], d["a"] * items[2])
try:
    items[3]
except IndexError as e:
    print("IndexError:", e)
try:
    d["c"]
except KeyError as e:
    print("KeyError:", e)
print(items[True], d.get("b") * 2, "abc"[1], (4, 5)[-2])


class F(float):
    def __add__(self, other):
        return "F.__add__"


class I(int):
    def __radd__(self, other):
        return "I.__radd__"

    def __lt__(self, other):
        return "I.__lt__"


print(F(1.5) + 1, 1.0 + F(2.0), 1 + I(2), 1.5 + I(2), I(3) < 4, 4 > I(3), I(1) + 1)
total = 0
acc = 0.0
for i in range(1000):
    total += i * i - 3
    acc += i / 7 - total * 1e-9
print(total, round(acc, 6))
