# The Python part of gilvm's math module (the rest is native): integer combinatorics and the
# float functions that are exact when written over the native ones.


def _index(n, name):
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    return n


def isqrt(n):
    n = _index(n, "isqrt")
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def lcm(*integers):
    result = 1
    for n in integers:
        n = _index(n, "lcm")
        if n == 0:
            return 0
        result = abs(result * n) // gcd(result, n)
    return result


def perm(n, k=None):
    n = _index(n, "perm")
    if k is None:
        k = n
    k = _index(k, "perm")
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    result = 1
    for i in range(n - k + 1, n + 1):
        result *= i
    return result


def comb(n, k):
    n = _index(n, "comb")
    k = _index(k, "comb")
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def prod(iterable, *, start=1):
    result = start
    for x in iterable:
        result = result * x
    return result


def degrees(x):
    return x * (180.0 / pi)


def radians(x):
    return x * (pi / 180.0)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = fabs(b - a)
    return diff <= fabs(rel_tol * b) or diff <= fabs(rel_tol * a) or diff <= abs_tol


def fmod(x, y):
    x, y = float(x), float(y)
    if y == 0.0 or isinf(x):
        raise ValueError("math domain error")
    if isinf(y):
        return x
    return copysign(fabs(x) % fabs(y), x)


def remainder(x, y):
    x, y = float(x), float(y)
    if y == 0.0 or isinf(x):
        raise ValueError("math domain error")
    if isinf(y) or isnan(x) or isnan(y):
        return x if not isnan(y) else y
    absx, absy = fabs(x), fabs(y)
    m = fmod(absx, absy)
    c = absy - m
    if m < c:
        r = m
    elif m > c:
        r = -c
    else:
        r = m - 2.0 * fmod(0.5 * (absx - m), absy)
    return copysign(1.0, x) * r


def modf(x):
    x = float(x)
    if isinf(x):
        return (copysign(0.0, x), x)
    whole = float(trunc(x)) if not isnan(x) else x
    return (copysign(x - whole, x), whole)


def frexp(x):
    x = float(x)
    if x == 0.0 or isinf(x) or isnan(x):
        return (x, 0)
    m, e = fabs(x), 0
    while m >= 1.0:
        m, e = m * 0.5, e + 1
    while m < 0.5:
        m, e = m * 2.0, e - 1
    return (copysign(m, x), e)


def ldexp(x, i):
    x = float(x)
    i = _index(i, "ldexp")
    while i > 0:
        step = min(i, 1000)
        x, i = x * 2.0**step, i - step
    while i < 0:
        step = max(i, -1000)
        x, i = x * 2.0**step, i - step
    if isinf(x):
        raise OverflowError("math range error")
    return x


def fsum(iterable):
    # Shewchuk's exact summation with partials, as CPython's fsum.
    partials = []
    for x in iterable:
        x = float(x)
        kept = 0
        for y in partials:
            if fabs(x) < fabs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                partials[kept] = lo
                kept += 1
            x = hi
        del partials[kept:]
        partials.append(x)
    total = 0.0
    if partials:
        n = len(partials) - 1
        total = partials[n]
        while n > 0:
            n -= 1
            x, y = total, partials[n]
            total = x + y
            lo = y - (total - x)
            if lo:
                if n > 0 and ((lo < 0 and partials[n - 1] < 0) or (lo > 0 and partials[n - 1] > 0)):
                    y = lo * 2.0
                    x = total + y
                    if y == x - total:
                        total = x
                break
    return total


def dist(p, q, /):
    p = tuple(p)
    q = tuple(q)
    if len(p) != len(q):
        raise ValueError("both points must have the same number of dimensions")
    return hypot(*[abs(float(a) - float(b)) for a, b in zip(p, q)])
