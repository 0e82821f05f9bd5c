first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
a, *middle, z = [1, 2]
print(a, middle, z)
head, *tail = (9,)
print(head, tail, type(tail).__name__)
print([*range(3), *"ab", *(7,)], (*[1, 2], 3), {*[1, 1, 2]} == {1, 2})
print({**{"a": 1}, "b": 2, **{"a": 3}})
merged = {**dict(x=1), **dict(y=2)}
print(merged)
for bad in ([], [1]):
    try:
        p, q, *r = bad
    except ValueError as e:
        print(type(e).__name__, e)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = "ab"
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y = 5
except TypeError as e:
    print(type(e).__name__, e)
