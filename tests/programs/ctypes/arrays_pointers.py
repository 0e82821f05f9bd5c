# Arrays, pointers and the memory functions: indexing, slices, character buffers, casts,
# pointer arithmetic by index, from_buffer, resize, and their errors.
import ctypes
from ctypes import *

IntArray5 = c_int * 5
print(IntArray5.__name__, IntArray5 is c_int * 5, sizeof(IntArray5), IntArray5._length_,
      IntArray5._type_.__name__, len(IntArray5()), 5 * c_int is IntArray5)
a = IntArray5(5, 1, 4)
print(list(a), a[-1], a[1:4], a[::2], a[::-1])
a[3] = 2**33 + 3
a[1:3] = (10, 20)
print(list(a), sum(a), 20 in a)
matrix = ((c_double * 3) * 2)()
matrix[1][2] = 1.5
print(type(matrix).__name__, sizeof(matrix), matrix[1][2], [list(row) for row in matrix])

s = create_string_buffer(b"hello")
print(sizeof(s), repr(s.value), s.raw, s[1], s[0:3], type(s).__name__)
s.value = b"hi"
print(s.raw, s.value)
s.raw = b"abcdef"
print(s.value)
big = create_string_buffer(10)
print(big.raw)
w = create_unicode_buffer("wïde")
print(sizeof(w), w.value, w[1], w[0:2], len(w))
w.value = "ok"
print(w.value, w[:])

arrays_of_strings = (c_char_p * 3)(b"one", b"two")
print(arrays_of_strings[0], arrays_of_strings[1], arrays_of_strings[2], arrays_of_strings[:2])

# Pointers.
n = c_int(42)
p = pointer(n)
print(type(p).__name__, POINTER(c_int) is type(p), p.contents.value, p[0], bool(p))
p.contents.value = 43
p[0] += 1
print(n.value)
other = c_int(7)
p.contents = other
print(p[0], p.contents.value)
null = POINTER(c_int)()
print(bool(null))
for call in (lambda: null[0], lambda: null.contents, lambda: p.__setattr__("contents", 5)):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

ip = cast(a, POINTER(c_int))
print(ip[0], ip[4], ip[0:3], cast(ip, c_void_p).value == addressof(a))
pp = pointer(pointer(c_int(99)))
print(pp.contents.contents.value, pp[0][0])
cp = cast(create_string_buffer(b"xyz"), POINTER(c_char))
print(cp[0], cp[0:3])
print(cast(c_char_p(b"text"), c_void_p).value == cast(c_char_p(b"text"), c_void_p).value or True)
print(POINTER(None) is c_void_p, POINTER(c_double).__name__, POINTER(POINTER(c_int)).__name__)

# Memory functions.
src = (c_ubyte * 6)(*range(1, 7))
dst = (c_ubyte * 6)()
memmove(dst, src, 4)
print(list(dst))
memset(addressof(dst) + 2, 0xEE, 2)
print(list(dst))
print(string_at(src, 3), string_at(create_string_buffer(b"abc\0def")))
print(wstring_at(create_unicode_buffer("wide text")), wstring_at(create_unicode_buffer("xyz"), 2))
print(addressof(byref(n)._obj) == addressof(n), byref(n)._obj is n)

# Objects over other memory.
raw = bytearray(b"\x01\0\0\0\x02\0\0\0\x03\0\0\0")
view = (c_int * 3).from_buffer(raw)
view[1] = 200
print(list(view), raw[4], (c_int * 2).from_buffer_copy(raw, 4)[:])
again = (c_int * 3).from_address(addressof(view))
print(again[2])

# resize grows the memory an object owns; sizeof follows.
grown = (c_char * 4)()
resize(grown, 16)
print(sizeof(grown), len(grown))
for call in (lambda: resize(grown, 2), lambda: resize(view, 64)):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)

errors = [
    lambda: IntArray5(1, 2, 3, 4, 5, 6),
    lambda: a[5],
    lambda: a.__setitem__(slice(0, 2), [1, 2, 3]),
    lambda: a.__setitem__(0, "x"),
    lambda: a.__delitem__(0),
    lambda: s.__setattr__("value", b"much too long for it"),
    lambda: s.__setattr__("raw", b"x" * 10),
    lambda: a.value,
    lambda: c_int * -1,
    lambda: POINTER(3),
    lambda: cast(a, c_int),
    lambda: byref(5),
    lambda: addressof("x"),
    lambda: pointer(5),
]
for e in errors:
    try:
        e()
    except Exception as exc:
        print(type(exc).__name__, exc)
    else:
        print("no error")
