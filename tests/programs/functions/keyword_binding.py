# Keyword arguments bound from the call's names straight into the frame: defaults,
# keyword-only parameters, **kwargs collisions, positional-only names, and CPython's messages.


def show(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)


def f(a, b=2, *, c, d=4):
    return (a, b, c, d)


print(f(1, c=3), f(a=1, c=3), f(1, 2, d=5, c=6), f(c=0, a=9, b=8))
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, c=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, a=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, c=3, e=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(b=1)
except TypeError as e:
    print("TypeError:", e)


def g(x, y, /, z=0, **kw):
    return (x, y, z, sorted(kw.items()))


print(g(1, 2, z=3, w=4), g(1, 2, x=5, y=6))
try:
    g(1, y=2)
except TypeError as e:
    print("TypeError:", e)


def h(x, /, **kw):
    return x, kw


print(h(1, x=2))
try:
    h(x=1)
except TypeError as e:
    print("TypeError:", e)


def k(a, b, c, d, e):
    return a + b * 2 + c * 3 + d * 4 + e * 5


print(k(1, 2, 3, 4, 5), k(e=1, d=2, c=3, b=4, a=5), k(1, 2, e=3, c=4, d=5))
try:
    k(1, 2, 3, f=4)
except TypeError as e:
    print("TypeError:", e)
try:
    k(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    k(1)
except TypeError as e:
    print("TypeError:", e)


def kwo(*, a, b, c):
    return a, b, c


try:
    kwo(a=1)
except TypeError as e:
    print("TypeError:", e)
try:
    kwo(1, a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

# *args / **kwargs at the call site, Python callees and others.
args = (1, 2)
kwargs = {"c": 3, "d": 4}
print(f(*args, **kwargs), f(*[1], **{"c": 7}), f(*iter([5, 6]), c=1))
try:
    f(*args, b=5, **kwargs)
except TypeError as e:
    print("TypeError:", e)
try:
    f(*args, **{"c": 1}, **{"c": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **[1])
except TypeError as e:
    print("TypeError:", e)
print(max(*[3, 1, 2]), dict(**{"a": 1}, b=2), sorted(*[[3, 1]], reverse=True))


class C:
    def m(self, a, b=0, **kw):
        return (a, b, sorted(kw))

    def gen(self, *xs):
        yield from xs


c = C()
print(c.m(*[1], **{"b": 2, "z": 3}), C.m(c, *(4,)), list(c.gen(*"ab")))
bound = c.m
print(bound(*[5], x=1), bound(a=6))
try:
    bound(*[1, 2, 3])
except TypeError as e:
    print("TypeError:", e)


def rec(n, **kw):
    return rec(n - 1, **kw) if n else kw


print(rec(500, depth=1))


def deep(n):
    return deep(*(n + 1,))


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
