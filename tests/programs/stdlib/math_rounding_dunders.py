# math.floor, math.ceil and math.trunc honour __floor__, __ceil__ and __trunc__ (Fraction,
# Decimal-like classes); float subclasses round as floats; others convert through float.
import math
from fractions import Fraction

print(math.floor(Fraction(7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.floor(-2.5), math.trunc(2.5))


class F(float):
    pass


class Rounds:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"


class Floaty:
    def __float__(self):
        return 2.5


print(math.trunc(F(2.5)), math.floor(F(-2.5)), math.ceil(F(1.25)))
print(math.floor(Rounds()), math.ceil(Rounds()), math.trunc(Rounds()))
print(math.floor(Floaty()), math.ceil(Floaty()), math.floor(True), math.ceil(10**30))
for bad in ["x", None, Floaty()]:
    for fn in (math.floor, math.ceil, math.trunc):
        try:
            fn(bad)
        except TypeError as e:
            print(fn.__name__, "TypeError", e)
print(math.sqrt(Fraction(1, 4)), math.exp(Floaty()) > 12)


class Bad:
    def __float__(self):
        return 1


try:
    math.sqrt(Bad())
except TypeError as e:
    print("TypeError", e)
