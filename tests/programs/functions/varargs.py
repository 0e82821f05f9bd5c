def collect(*args, **kwargs):
    return args, kwargs


print(collect())
print(collect(1, "two", [3]))
print(collect(a=1, b=2))
print(collect(1, *[2, 3], *(4,), x=5, **{"y": 6, "z": 7}))


def head_tail(first, *rest):
    return first, rest


print(head_tail(*"hello"))
print(head_tail(*range(1)))
args = [1, 2]
kwargs = {"sep": "-", "end": "!\n"}
print(*args, **kwargs)
print(*[], "only")


def point(x, y, z=0):
    return (x, y, z)


print(point(*[1, 2]), point(**{"y": 2, "x": 1}), point(1, *[2], **{"z": 3}))
for bad in [lambda: point(*[1, 2, 3, 4]), lambda: point(1, **{"x": 2}), lambda: point(**{"x": 1, "y": 2, "w": 3})]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    collect(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(*5)
except TypeError as e:
    print(type(e).__name__, e)


def describe(**options):
    return ", ".join(f"{k}={v}" for k, v in sorted(options.items()))


print(describe(zeta=1, alpha=2, mid=3))
