# cmath on finite arguments: values, domain errors, and the constants.
import cmath

points = [1 + 2j, -3 + 0.5j, 0.25 - 4j, 2, -1.5, 0.5j, -2j, 0.5 + 0.5j, 3 - 1j]
for name in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
             "asin", "acos", "atan", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, name)
    print(name, [complex(round(w.real, 9), round(w.imag, 9)) for w in map(f, points)])
print(cmath.phase(-1), cmath.phase(1j), cmath.polar(3 + 4j), cmath.rect(2, 0))
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-0.0), cmath.exp(0), cmath.log(8, 2))
print(cmath.isfinite(1 + 1j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.pi, cmath.e, cmath.tau)
for bad in ["cmath.log(0)", "cmath.atanh(1)", "cmath.sqrt('x')"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
