for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5]:
    print(v, round(v), type(round(v)).__name__)
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(1234.5678, -2), round(-1234.5678, -1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 1), round(15, -1))
print(round(1e300, 2), round(0.0), round(-0.0, 1))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(-2.5), int(2.9))
print(math.floor(3), math.ceil(3.0000001), type(math.floor(2.5)).__name__)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {1e6:.2e} {-0.0:.1f}")
