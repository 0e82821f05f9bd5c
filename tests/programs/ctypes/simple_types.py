# The fundamental C types: sizes, values, wrapping, reprs, conversions and their errors.
import ctypes
from ctypes import *

for t in (c_bool, c_char, c_wchar, c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long,
          c_ulong, c_longlong, c_ulonglong, c_float, c_double, c_longdouble, c_size_t,
          c_ssize_t, c_void_p, c_char_p, c_wchar_p, c_int8, c_uint16, c_int32, c_uint64):
    print(t.__name__, t._type_, sizeof(t), alignment(t), t().value)

print(c_int(42), c_uint(-1), c_byte(200), c_ubyte(-1), c_short(2**15), c_long(-7))
print(c_int(2**64 + 7).value, c_ulonglong(-1).value, c_longlong(2**63).value)
print(c_float(3.14).value == 3.140000104904175, c_double(1e300), c_longdouble(0.1).value)
print(c_bool(5), c_bool(""), c_char(b"x"), c_char(65), c_wchar("é"))
print(c_char_p(b"text").value, c_char_p().value, c_char_p(2**64).value)
print(c_wchar_p("wide ünïcode").value, c_void_p().value, c_void_p(12345).value)
print(c_double(7), c_float(True).value)

v = c_int(1)
v.value = 99
print(v.value, bool(v), bool(c_int(0)), repr(c_char_p), repr(v))


class MyInt(c_int):
    pass


m = MyInt(5)
print(m.value, type(m).__name__, repr(m).startswith("<MyInt object at"))

# Byte orders: each multi-byte type knows its swapped twin.
print(c_int.__ctype_le__ is c_int, c_int.__ctype_be__.__name__)
be = c_int.__ctype_be__(0x01020304)
print(be.value, ctypes.string_at(ctypes.addressof(be), 4))
one = c_double.__ctype_be__(1.0)
print(one.value, ctypes.string_at(ctypes.addressof(one), 8))

# from_param, the conversion an argtypes entry applies.
print(c_int.from_param(3), c_double.from_param(2.5), c_int.from_param(c_int(4)))

errors = [
    lambda: c_int("x"),
    lambda: c_int(1.5),
    lambda: c_char("xy"),
    lambda: c_char(300),
    lambda: c_double("x"),
    lambda: c_char_p("text"),
    lambda: c_wchar_p(b"bytes"),
    lambda: c_wchar("ab"),
    lambda: c_void_p("x"),
    lambda: c_int(1, 2),
    lambda: c_int.from_param(1.5),
    lambda: c_char_p.from_param(3.5),
    lambda: ctypes._SimpleCData(),
    lambda: sizeof(3),
    lambda: alignment("x"),
]
for e in errors:
    try:
        e()
    except Exception as exc:
        print(type(exc).__name__, exc)
    else:
        print("no error")

for code in ("x", 5, "ii"):
    try:
        class Bad(ctypes._SimpleCData):
            _type_ = code
    except Exception as exc:
        print(type(exc).__name__, exc)
try:
    class NoType(ctypes._SimpleCData):
        pass
except AttributeError as exc:
    print("AttributeError", exc)

# Memory: a value's bytes, and an object over another's memory.
x = c_int(0x11223344)
print(ctypes.string_at(ctypes.addressof(x), sizeof(x)))
y = c_int.from_address(ctypes.addressof(x))
y.value = 5
print(x.value, c_short.from_buffer(x).value, c_int.from_buffer_copy(b"\x02\0\0\0").value)
buf = bytearray(8)
z = c_int.from_buffer(buf, 4)
z.value = -1
print(buf)
try:
    buf.append(0)
except BufferError as exc:
    print("BufferError", exc)
for call in (lambda: c_int.from_buffer(bytearray(2)), lambda: c_int.from_buffer(b"abcd"),
             lambda: c_int.from_buffer_copy(b"ab"), lambda: c_int.from_buffer(bytearray(8), -1)):
    try:
        call()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
