import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.hypot(3, 4), math.sqrt(0.25))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.copysign(2, -0.0))
print(math.factorial(20), math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.pow(2, 10))
print(round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), round(math.tan(0), 12), round(math.atan2(1, 1) * 4, 12))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1))
print(math.isinf(float("inf")), math.isfinite(1e308), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.factorial(2.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
