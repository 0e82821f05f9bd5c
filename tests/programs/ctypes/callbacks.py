# Python functions as C function pointers: qsort's comparison, a callback taking doubles,
# one called from Python directly, and an exception inside a callback (reported, not raised).
import sys
from ctypes import CDLL, CFUNCTYPE, POINTER, c_char_p, c_double, c_int, c_void_p, sizeof

libc = CDLL(None)

CMPFUNC = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []


def by_value(a, b):
    calls.append(type(a).__name__)
    return a[0] - b[0]


numbers = (c_int * 8)(5, 1, 7, 33, 99, -4, 0, 12)
libc.qsort.restype = None
libc.qsort(numbers, len(numbers), sizeof(c_int), CMPFUNC(by_value))
print(list(numbers), calls[0], len(calls) > 0)

descending = CMPFUNC(lambda a, b: b[0] - a[0])
libc.qsort(numbers, len(numbers), sizeof(c_int), descending)
print(list(numbers))

# Called from Python, the pointer goes through C and back.
add = CFUNCTYPE(c_double, c_double, c_double)(lambda x, y: x + y / 2)
print(add(1.0, 3.0), bool(add))

# Strings go in as bytes.
seen = []
SHOW = CFUNCTYPE(None, c_char_p, c_int)
show = SHOW(lambda text, n: seen.append((text, n)))
show(b"hello", 3)
print(seen)


class Failing:
    def __repr__(self):
        return "<the failing callback>"

    def __call__(self, a, b):
        return 1 // 0


sys.stdout.flush()
broken = CMPFUNC(Failing())
pair = (c_int * 2)(2, 1)
libc.qsort(pair, 2, sizeof(c_int), broken)
sys.stderr.flush()
print("after the failing callback", sorted(pair))
print(CMPFUNC._restype_.__name__, [t.__name__ for t in CMPFUNC._argtypes_])
