# Calls into the C library through ctypes: scalar arguments and results, strings, errno,
# structures passed and returned by value, errcheck, and the errors of bad arguments.
import ctypes
import errno
from ctypes import (CDLL, POINTER, Structure, byref, c_char_p, c_double, c_int, c_int64,
                    c_long, c_size_t, c_uint32, c_void_p, get_errno, set_errno)

libc = CDLL(None, use_errno=True)

libc.abs.argtypes = [c_int]
libc.abs.restype = c_int
print("abs", libc.abs(-42), libc.abs(7))
print("argtypes", libc.abs.argtypes)

libc.strlen.argtypes = [c_char_p]
libc.strlen.restype = c_size_t
print("strlen", libc.strlen(b"hello, world"))

libc.strchr.argtypes = [c_char_p, c_int]
libc.strchr.restype = c_char_p
print("strchr", libc.strchr(b"abcdef", ord("d")), libc.strchr(b"abc", ord("z")))

libc.sqrt.argtypes = [c_double]
libc.sqrt.restype = c_double
print("sqrt", libc.sqrt(2.0), libc.sqrt(16))

libc.labs.restype = c_long
print("labs", libc.labs(c_long(-2**40)))

# strtol with an end pointer: where parsing stopped.
libc.strtol.argtypes = [c_char_p, POINTER(c_char_p), c_int]
libc.strtol.restype = c_long
end = c_char_p()
print("strtol", libc.strtol(b"  123xyz", byref(end), 10), end.value)
print("strtol hex", libc.strtol(b"ff", None, 16))

# errno: the call's errno lands in ctypes' private copy.
set_errno(0)
libc.strtol(b"9" * 40, None, 10)
print("errno is ERANGE:", get_errno() == errno.ERANGE)
print("set_errno gives the old value:", set_errno(5) == errno.ERANGE, get_errno())


class div_t(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]


libc.div.argtypes = [c_int, c_int]
libc.div.restype = div_t
r = libc.div(47, 5)
print("div", type(r).__name__, r.quot, r.rem)


class imaxdiv_t(Structure):
    _fields_ = [("quot", c_int64), ("rem", c_int64)]


libc.imaxdiv.argtypes = [c_int64, c_int64]
libc.imaxdiv.restype = imaxdiv_t
r = libc.imaxdiv(-10**12, 7)
print("imaxdiv", r.quot, r.rem)


class in_addr(Structure):
    _fields_ = [("s_addr", c_uint32)]


libc.inet_ntoa.argtypes = [in_addr]
libc.inet_ntoa.restype = c_char_p
print("inet_ntoa", libc.inet_ntoa(in_addr(int.from_bytes(bytes([10, 0, 0, 7]), "little"))))

# Default conversions without argtypes: ints, bytes, None.
libc.atoi.restype = c_int
print("atoi", libc.atoi(b"-314"))
libc.strncmp.restype = c_int
print("strncmp", libc.strncmp(b"abcd", b"abzz", 2), libc.strncmp(b"a", b"b", 1) < 0)

# errcheck sees the result, the function and the arguments.
def check(result, func, args):
    print("errcheck", result, func is libc.abs, args)
    return result * 10


libc.abs.errcheck = check
print("checked", libc.abs(-3))
del libc.abs.errcheck
print("unchecked", libc.abs(-3))

# A callable restype is called with the int result.
libc.atoi.restype = lambda value: ("wrapped", value)
print(libc.atoi(b"12"))

# Errors, with CPython's messages.
for call in (lambda: libc.abs("x"), lambda: libc.abs(), lambda: libc.strlen("text"),
             lambda: libc.labs(1.5), lambda: libc.div(1, 2, 3) and None):
    try:
        call()
    except (TypeError, ctypes.ArgumentError) as e:
        print(type(e).__name__, e)
    else:
        print("no error")

try:
    libc.no_such_function_here
except AttributeError as e:
    print("AttributeError", str(e).endswith("undefined symbol: no_such_function_here"))
try:
    CDLL("libno-such-library.so.9")
except OSError as e:
    print("OSError", e)
try:
    libc.abs.restype = 5
except TypeError as e:
    print("TypeError", e)
try:
    libc.abs.argtypes = [5]
except TypeError as e:
    print("TypeError", e)
try:
    libc.abs.errcheck = 5
except TypeError as e:
    print("TypeError", e)
print("void_p result is an int:", isinstance(CDLL(None).malloc(16), int))
