# fractions.Fraction: construction, arithmetic, comparisons, reprs, limit_denominator.
from fractions import Fraction
import math
import numbers

a = Fraction(3, 4)
b = Fraction("2/6")
print(a, b, repr(a), repr(b))
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -2, -a, abs(-a))
print(Fraction(1.5), Fraction("-3.25"), Fraction("1e-3"), Fraction(7), Fraction())
print(a == 0.75, a < b, a > b, a == Fraction(6, 8), hash(Fraction(1, 2)) == hash(0.5))
print(float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)),
      round(Fraction(22, 7), 2), Fraction(-7, 2).__floor__(), Fraction(-7, 2).__ceil__())
print(Fraction(math.pi).limit_denominator(1000), Fraction(0.1).limit_denominator(100))
print(a.numerator, a.denominator, a.as_integer_ratio(), Fraction(5, 1).is_integer()
      if hasattr(Fraction, 'is_integer') else True)
print(Fraction.from_float(0.25), sum([Fraction(1, n) for n in range(1, 6)]))
print(isinstance(a, numbers.Rational), isinstance(3, numbers.Integral),
      isinstance(2.5, numbers.Real), isinstance(a, numbers.Integral))
print(1 + a, 2 * a, 1 / a, 2 ** Fraction(1, 2), a + 0.25)
print(f"{float(Fraction(1, 3)):.4f}", str(Fraction(-10, 4)), sorted([b, a, Fraction(1, 8)]))
for bad in ["1/0", "abc", "1/2/3"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
