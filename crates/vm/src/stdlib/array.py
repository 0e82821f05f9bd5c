# gilvm's array module: typed arrays of numbers (or 'u' characters) over a list of checked
# items; array.rs packs them into machine values for tobytes/frombytes/bytes().

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}

# typecode: (min, max, "name" for the range messages)
_RANGES = {
    'b': (-128, 127, 'signed char'),
    'B': (0, 255, 'unsigned byte integer'),
    'h': (-32768, 32767, 'signed short integer'),
    'H': (0, 65535, 'unsigned short'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer'),
    'I': (0, 2 ** 32 - 1, 'unsigned int'),
    'l': (-2 ** 63, 2 ** 63 - 1, None),
    'L': (0, 2 ** 64 - 1, None),
    'q': (-2 ** 63, 2 ** 63 - 1, None),
    'Q': (0, 2 ** 64 - 1, None),
}
_LONG_MIN = -2 ** 63
_LONG_MAX = 2 ** 63 - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(v, '__index__'):
        return v.__index__()
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _check(tc, v):
    if tc in 'fd':
        if isinstance(v, (int, float)):
            v = float(v)
            if tc == 'f':
                v = _unpack('f', _pack('f', [v]))[0]
            return v
        raise TypeError(f"must be real number, not {type(v).__name__}")
    if tc == 'u':
        if isinstance(v, str) and len(v) == 1:
            return v
        raise TypeError("array item must be unicode character")
    v = _index(v)
    lo, hi, name = _RANGES[tc]
    if tc in 'LI' and v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if tc == 'Q' and v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if tc == 'q' or tc == 'Q':
        if not lo <= v <= hi:
            raise OverflowError("int too big to convert")
        return v
    if tc in 'LI':
        if v > 2 ** 64 - 1:
            raise OverflowError("Python int too large to convert to C unsigned long")
    elif not _LONG_MIN <= v <= _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    if v > hi:
        raise OverflowError(f"{name} is greater than maximum")
    if v < lo:
        raise OverflowError(f"{name} is less than minimum")
    return v


class array:
    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            got = typecode.__class__.__name__
            raise TypeError(f"array() argument 1 must be a unicode character, not {got}")
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._items = [_check(typecode, v) for v in initializer._items]
        else:
            self._items = [_check(typecode, v) for v in initializer]

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._tc, self._items)

    __str__ = __repr__

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, value):
        return value in self._items

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        return a

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._items[index])
        index = _index(index)
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._items[index] = list(value._items)
            return
        index = _index(index)
        value = _check(self._tc, value)
        try:
            self._items[index] = value
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        if isinstance(index, slice):
            del self._items[index]
            return
        index = _index(index)
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def _same_kind(self, other, message):
        if not isinstance(other, array):
            raise TypeError(message % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        self._same_kind(other, 'can only append array (not "%s") to array')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        self._same_kind(other, 'can only extend array with array (not "%s")')
        self._items += other._items
        return self

    def __mul__(self, n):
        return self._new(self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= _index(n)
        return self

    def _compare(self, other, op):
        # CPython's array_richcompare: items compared by value with no identity shortcut
        # (an array holding a NaN is not equal to itself), then the lengths.
        if not isinstance(other, array):
            return NotImplemented
        mine, theirs = self._items, other._items
        if len(mine) != len(theirs) and op in ("==", "!="):
            return op == "!="
        for x, y in zip(mine, theirs):
            if not x == y:
                break
        else:
            x, y = len(mine), len(theirs)
        if op == "==":
            return x == y and len(mine) == len(theirs)
        if op == "!=":
            return not (x == y and len(mine) == len(theirs))
        return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]

    def __eq__(self, other):
        return self._compare(other, "==")

    def __ne__(self, other):
        return self._compare(other, "!=")

    def __lt__(self, other):
        return self._compare(other, "<")

    def __le__(self, other):
        return self._compare(other, "<=")

    def __gt__(self, other):
        return self._compare(other, ">")

    def __ge__(self, other):
        return self._compare(other, ">=")

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __bytes__(self):
        return self.tobytes()

    def __reduce__(self):
        return (array, (self._tc, list(self._items)))

    def append(self, v, /):
        self._items.append(_check(self._tc, v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        for v in iterable:
            self._items.append(_check(self._tc, v))

    def insert(self, i, v, /):
        self._items.insert(_index(i), _check(self._tc, v))

    def pop(self, i=-1, /):
        if not self._items:
            raise IndexError("pop from empty array")
        i = _index(i)
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v, /):
        for i, x in enumerate(self._items):
            if x == v:
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None, /):
        n = len(self._items)
        if stop is None:
            stop = n
        start = _index(start)
        stop = _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if self._items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for x in self._items if x == v)

    def reverse(self):
        self._items.reverse()

    def tobytes(self):
        return _pack(self._tc, self._items)

    def frombytes(self, buffer, /):
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
        if len(buffer) % _SIZES[self._tc]:
            raise ValueError("bytes length not a multiple of item size")
        self._items.extend(_unpack(self._tc, bytes(buffer)))

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        checked = [_check(self._tc, v) for v in items]
        self._items.extend(checked)

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def byteswap(self):
        size = _SIZES[self._tc]
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = _unpack(self._tc, swapped)

    def buffer_info(self):
        return (id(self), len(self._items))


ArrayType = array
