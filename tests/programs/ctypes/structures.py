# Structures and unions: layout (alignment, _pack_, bit fields, nesting, inheritance,
# anonymous members), field access, initialisation, byte orders and their errors.
import ctypes
from ctypes import *


class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class Rect(Structure):
    _fields_ = [("name", c_char * 8), ("corners", Point * 2), ("tag", c_char_p),
                ("scale", c_double)]


print(sizeof(Point), alignment(Point), sizeof(Rect), alignment(Rect))
print(Point.x, Point.y, Rect.corners, Rect.tag, Rect.scale)
print(Point.x.offset, Point.y.offset, Point.y.size, Rect.scale.offset)

p = Point(3, y=4)
print(p.x, p.y)
p.x = 2**32 + 9
print(p.x)
r = Rect(b"box", (Point(1, 2), Point(3, 4)), b"tagged", 0.5)
print(r.name, r.corners[1].x, r.corners[1].y, r.tag, r.scale)
r.corners[0] = Point(7, 8)
r.corners[1].y = 40
print([(c.x, c.y) for c in r.corners])
r.name = b"12345678"
print(r.name, len(r.name))
inner = r.corners[0]
inner.x = 70
print(r.corners[0].x, inner._b_base_ is r.corners or type(inner._b_base_).__name__)


class Mixed(Structure):
    _fields_ = [("a", c_char), ("b", c_double), ("c", c_short), ("d", c_char)]


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_double), ("c", c_short)]


class Packed2(Structure):
    _pack_ = 2
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_char)]


for t in (Mixed, Packed, Packed2):
    print(t.__name__, sizeof(t), alignment(t), [getattr(t, f[0]).offset for f in t._fields_])


class Flags(Structure):
    _fields_ = [("low", c_uint, 3), ("mid", c_uint, 5), ("high", c_int, 4), ("other", c_ushort)]


print(sizeof(Flags), Flags.low, Flags.mid, Flags.high, Flags.other)
f = Flags(5, 17, -3, 9)
print(f.low, f.mid, f.high, f.other)
f.low = 9
f.high = 7
print(f.low, f.high, bytes(memoryview(bytearray(ctypes.string_at(ctypes.addressof(f), 4)))))


class Value(Union):
    _fields_ = [("i", c_int), ("f", c_float), ("raw", c_ubyte * 4)]


v = Value()
v.f = 1.0
print(sizeof(Value), hex(v.i), list(v.raw))
v.i = 0
print(v.f, Value.i, Value.raw)


class Base(Structure):
    _fields_ = [("kind", c_short)]


class Derived(Base):
    _fields_ = [("size", c_int)]


d = Derived(1, 2)
print(sizeof(Derived), Derived.size, d.kind, d.size)


class Inner(Structure):
    _fields_ = [("u", c_int), ("w", c_int)]


class Outer(Structure):
    _anonymous_ = ("inner",)
    _fields_ = [("first", c_char), ("inner", Inner)]


o = Outer()
o.w = 5
print(Outer.w, o.inner.w, o.w)


class Late(Structure):
    pass


Late._fields_ = [("a", c_long)]
print(sizeof(Late), Late(3).a)
try:
    Late._fields_ = [("b", c_int)]
except AttributeError as e:
    print("AttributeError", e)


class BE(BigEndianStructure):
    _fields_ = [("n", c_uint32), ("s", c_int16), ("arr", c_uint16 * 2)]


be = BE(0x01020304, -2, (1, 2))
print(ctypes.string_at(ctypes.addressof(be), sizeof(be)), be.n, be.s, list(be.arr))


class LE(LittleEndianStructure):
    _fields_ = [("n", c_uint32)]


print(LE(0x01020304).n, LittleEndianStructure is Structure)

# A structure passed by reference to C and filled in there.
libc = CDLL(None)


class tm(Structure):
    _fields_ = [(name, c_int) for name in
                ("sec", "min", "hour", "mday", "mon", "year", "wday", "yday", "isdst")] + \
        [("gmtoff", c_long), ("zone", c_char_p)]


when = c_long(86400 * 365)
t = tm()
libc.gmtime_r(byref(when), byref(t))
print(t.year + 1900, t.mon + 1, t.mday, t.hour, t.yday, t.zone)

errors = [
    lambda: Point(1, 2, 3),
    lambda: Point(1, x=2),
    lambda: setattr(p, "x", "no"),
    lambda: setattr(r, "name", b"much too long"),
    lambda: setattr(r, "name", "text"),
    lambda: setattr(r, "corners", 5),
    lambda: Point.from_param(5),
]
for e in errors:
    try:
        e()
    except Exception as exc:
        print(type(exc).__name__, exc)

bad_fields = [
    [("a", 5)],
    [("a", c_float, 3)],
    [("a", c_int, 40)],
    [("a",)],
]
for fields in bad_fields:
    try:
        class Bad(Structure):
            _fields_ = fields
    except Exception as exc:
        print(type(exc).__name__, exc)

# Pickling: objects without pointers round-trip; with pointers, CPython's ValueError.
import pickle

print(pickle.loads(pickle.dumps(c_int(3))), pickle.loads(pickle.dumps(Point(5, 6))).y)
for obj in (pointer(c_int(1)), c_char_p(b"x"), Rect()):
    try:
        pickle.dumps(obj)
    except ValueError as exc:
        print("ValueError", exc)
