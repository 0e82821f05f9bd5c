# gilvm's _operator: the operator module's functions (CPython's accelerator, which operator
# re-exports) and _compare_digest, the constant-time comparison behind hmac.compare_digest.

from operator import *


def _buffer(v):
    if isinstance(v, (bytes, bytearray, memoryview)):
        return v
    raise TypeError("a bytes-like object is required, not '%s'" % type(v).__name__)


def _compare_digest(a, b, /):
    """Return 'a == b'.

This function uses an approach designed to prevent
timing analysis, making it appropriate for cryptography.

a and b must both be of the same type: either str (ASCII only),
or any bytes-like object.

Note: If a and b are of different lengths, or if an error occurs,
a timing attack could theoretically reveal information about the
types and lengths of a and b--but not their values.
"""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode("ascii")
        b = b.encode("ascii")
    else:
        if not isinstance(a, (bytes, bytearray)) and not isinstance(b, (bytes, bytearray)):
            raise TypeError("unsupported operand types(s) or combination of types: "
                            "'%s' and '%s'" % (type(a).__name__, type(b).__name__))
        a = _buffer(a)
        b = _buffer(b)
    # Every byte of b is looked at, whatever the lengths, so the time depends on len(b) only.
    result = 0 if len(a) == len(b) else 1
    left = a if len(a) == len(b) else b
    for x, y in zip(left, b):
        result |= x ^ y
    return result == 0
