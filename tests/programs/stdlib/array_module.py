import array
from array import array as A

print(array.typecodes, array.ArrayType is A)
for tc in array.typecodes:
    a = A(tc) if tc != "u" else A("u", "hey")
    print(tc, a.itemsize, a.typecode, repr(a))
a = A("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(A("i", [7]))
a.insert(0, 0)
a.insert(-1, 99)
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], 3 in a, 42 in a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(99)
print(a, a.index(4), a.index(4, 1, 6), a.count(5), a.tolist())
a.reverse()
print(a, list(a), [x * 2 for x in a])
a[0] = -7
a[1:3] = A("i", [10, 20, 30])
del a[-1]
del a[:1]
print(a, a == A("i", a.tolist()), a != A("i"), a < A("i", [100]), A("i", [1]) + A("i", [2]), A("b", [1, 2]) * 2, 2 * A("b", [3]))
b = A("h", [1, -2, 300])
raw = b.tobytes()
print(raw, bytes(b), A("h", raw), len(raw))
c = A("h")
c.frombytes(raw)
c.fromlist([4, 5])
print(c, c.buffer_info()[1])
c.byteswap()
print(c)
f = A("f", [1.1, 2.5, -0.1])
d = A("d", [1.1, 2.5, -0.1, 3])
print(f, d, f.tobytes(), A("f", f.tobytes()), f[0] == 1.1, d[0] == 1.1)
u = A("u", "hello")
u.append("!")
u.fromunicode(" world")
print(u, u.tounicode(), u[1], u[1:3], u.tobytes()[:8])
print(A("B", b"\x00\xff"), A("b", b"\x80\x7f"), A("Q", [2 ** 64 - 1]), A("q", [-2 ** 63]), A("L", [2 ** 63]), A("I", [2 ** 32 - 1]))
print(A("d", A("i", [1, 2])), A("i", range(3)), A("i", (x for x in [4, 5])))
x = A("i", [1, 2])
x += A("i", [3])
x *= 2
print(x)
import copy
y = copy.copy(x)
y.append(9)
print(x, y, copy.deepcopy(y))
tests = [
    lambda: A("x"),
    lambda: A(1),
    lambda: A("ii"),
    lambda: A("i", "abc"),
    lambda: A("b", [128]),
    lambda: A("b", [-129]),
    lambda: A("B", [-1]),
    lambda: A("B", [256]),
    lambda: A("h", [40000]),
    lambda: A("H", [-5]),
    lambda: A("i", [2 ** 31]),
    lambda: A("I", [-1]),
    lambda: A("I", [2 ** 32]),
    lambda: A("l", [2 ** 63]),
    lambda: A("L", [-1]),
    lambda: A("L", [2 ** 64]),
    lambda: A("q", [2 ** 63]),
    lambda: A("Q", [-1]),
    lambda: A("Q", [2 ** 64]),
    lambda: A("i", [1.5]),
    lambda: A("i", ["1"]),
    lambda: A("f", ["x"]),
    lambda: A("d", [None]),
    lambda: A("u", ["ab"]),
    lambda: A("u", [1]),
    lambda: A("i", [1]).pop(5),
    lambda: A("i").pop(),
    lambda: A("i", [1]).remove(2),
    lambda: A("i", [1]).index(2),
    lambda: A("i", [1])[5],
    lambda: A("i", [1]).__setitem__(3, 1),
    lambda: A("i", [1]).__setitem__(slice(0, 1), [2]),
    lambda: A("i", [1]).extend(A("b", [1])),
    lambda: A("i").frombytes(b"abc"),
    lambda: A("i").fromlist((1,)),
    lambda: A("i") + A("b"),
    lambda: A("i") + [1],
    lambda: A("i").tounicode(),
    lambda: A("u").fromunicode(b"x"),
    lambda: hash(A("i")),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, OverflowError, IndexError) as e:
        print(type(e).__name__, e)
