def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))


def g(x, y):
    return x - y


print(g(y=1, x=10), g(5, y=2))
args = (7, 3)
print(g(*args))


def defaults(x, items=[]):
    items.append(x)
    return items


print(defaults(1), defaults(2))

square = lambda x: x * x
print(square(5), (lambda *a: sum(a))(1, 2, 3), (lambda: "noargs")())
print(sorted([3, -4, 1], key=lambda v: abs(v)))


def kwonly(*, key):
    return key


print(kwonly(key="k"))
for call in [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, z=2), lambda: kwonly(1), lambda: g(1, x=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
