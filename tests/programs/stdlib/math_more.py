import math

for name in ["acos", "asin", "atan", "acosh", "asinh", "atanh", "cosh", "sinh", "tanh",
             "exp2", "expm1", "log1p", "erf", "erfc"]:
    f = getattr(math, name)
    out = []
    for x in [0.0, 0.5, -0.5, 1.0, 2.0, 1e-10, 10.0, -3.0]:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(name, out)
print([math.cbrt(x) for x in [8, -64, 0.0, -0.0, 1000, math.inf]])
print([math.gamma(x) for x in [1, 2, 5, 10, 20, 23.0]], math.lgamma(1), math.lgamma(2))
for call in [lambda: math.gamma(0), lambda: math.gamma(-2), lambda: math.gamma(200), lambda: math.lgamma(-1),
             lambda: math.lgamma(0.0), lambda: math.sinh(1000), lambda: math.cosh(-1000), lambda: math.expm1(1000),
             lambda: math.exp2(2000), lambda: math.acos(2), lambda: math.acosh(0.5), lambda: math.atanh(1),
             lambda: math.log1p(-1), lambda: math.gamma(-math.inf), lambda: math.acos("x")]:
    try:
        print(call())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf), math.tanh(math.inf), math.erf(math.inf), math.erfc(-math.inf))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(-0.0, -1.0), math.nextafter(3, 3))
print(math.ulp(1.0), math.ulp(-1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(math.inf), math.ulp(2.0 ** 52), math.ulp(1.7976931348623157e308))
print(math.isnan(math.ulp(math.nan)), math.isnan(math.acos(math.nan)))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(), math.hypot(-7), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200),
      math.hypot(1, 2, 3, 4, 5), math.hypot(0.1, 0.2, 0.3), math.hypot(math.inf, math.nan), math.hypot(5e-324, 5e-324))
print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, -1], (0.1, 0.2, 0.3)), math.dist((1,), (5,)), math.dist([], []))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print("ValueError", e)
print(math.degrees(math.asin(1)), math.radians(180) == math.pi)
