# gilvm's array module: typed arrays of numbers (or 'u' characters) stored as machine values
# in a bytearray (`_buf`), so memoryview(array) shares and writes through the array's memory
# and an exported array cannot be resized (BufferError), as in CPython. array.rs packs items
# into machine values and back.

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


_BLOCKSIZE = 64 * 1024

# typecode: the machine format code of its items on a little-endian 64-bit Linux machine
# (CPython's enum machine_format_code), the third argument of _array_reconstructor.
_MFORMAT = {'B': 0, 'b': 1, 'H': 2, 'h': 4, 'I': 6, 'i': 8, 'L': 10, 'Q': 10, 'l': 12,
            'q': 12, 'f': 14, 'd': 16, 'u': 20}
# machine format code: how to read its items (struct format, or codec for 'u')
_MFORMAT_READ = ['B', 'b', '<H', '>H', '<h', '>h', '<I', '>I', '<i', '>i', '<Q', '>Q',
                 '<q', '>q', '<f', '>f', '<d', '>d', 'utf-16-le', 'utf-16-be',
                 'utf-32-le', 'utf-32-be']


def _decode_utf(layout, data):
    """The characters of UTF-16 or UTF-32 `data` (`layout` as in _MFORMAT_READ)."""
    import struct
    unit = 'H' if '16' in layout else 'I'
    order = '<' if layout.endswith('le') else '>'
    data = data[:len(data) - len(data) % struct.calcsize(unit)]
    units = [u for (u,) in struct.iter_unpack(order + unit, data)]
    out = []
    i = 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            u = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
            i += 1
        out.append(chr(u))
        i += 1
    return ''.join(out)


def _source_bytes(buffer):
    """The bytes of a bytes-like `buffer` whose items are bytes, or CPython's TypeError."""
    if isinstance(buffer, (bytes, bytearray)):
        return bytes(buffer)
    if isinstance(buffer, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if isinstance(buffer, (memoryview, array)):
        view = memoryview(buffer)
        if view.itemsize != 1:
            raise TypeError("a bytes-like object is required")
        return view.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)


class array:
    __slots__ = ('_tc', '_buf', '__weakref__')

    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            got = typecode.__class__.__name__
            raise TypeError(f"array() argument 1 must be a unicode character, not {got}")
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._buf = bytearray()
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self._buf = bytearray(_pack('u', list(initializer)))
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._set_items([_check(typecode, v) for v in initializer._items()])
        else:
            self._set_items([_check(typecode, v) for v in initializer])

    # -- storage ---------------------------------------------------------------------------

    def _items(self):
        return _unpack(self._tc, self._buf)

    def _set_items(self, items):
        self._replace(_pack(self._tc, items))

    def _replace(self, data):
        """Makes `data` the array's bytes; a change of size is refused while exported."""
        try:
            self._buf[:] = data
        except BufferError:
            raise BufferError("cannot resize an array that is exporting buffers") from None

    def _grow(self, data):
        self._replace(self._buf + data)

    def _new(self, items):
        a = array(self._tc)
        a._buf = bytearray(_pack(self._tc, items))
        return a

    def _position(self, index, message):
        """The item index `index` names, or IndexError(`message`)."""
        index = _index(index)
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(message)
        return index

    # -- the sequence ----------------------------------------------------------------------

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def __repr__(self):
        if not self._buf:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items())
        return "array('%s', %r)" % (self._tc, self._items())

    __str__ = __repr__

    def __len__(self):
        return len(self._buf) // _SIZES[self._tc]

    def __iter__(self):
        return arrayiterator(self)

    def __contains__(self, value):
        return value in self._items()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._items()[index])
        i = self._position(index, "array index out of range")
        size = _SIZES[self._tc]
        return _unpack(self._tc, self._buf[i * size:(i + 1) * size])[0]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            items = self._items()
            items[index] = value._items()
            self._set_items(items)
            return
        i = self._position(index, "array assignment index out of range")
        # Converting the value may run Python that changes the array: convert first.
        data = _pack(self._tc, [_check(self._tc, value)])
        if i >= len(self):
            raise IndexError("array assignment index out of range")
        size = _SIZES[self._tc]
        self._buf[i * size:(i + 1) * size] = data

    def __delitem__(self, index):
        items = self._items()
        if isinstance(index, slice):
            del items[index]
        else:
            del items[self._position(index, "array assignment index out of range")]
        self._set_items(items)

    def _same_kind(self, other, message):
        if not isinstance(other, array):
            raise TypeError(message % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        self._same_kind(other, 'can only append array (not "%s") to array')
        return self._new(self._items() + other._items())

    def __iadd__(self, other):
        self._same_kind(other, 'can only extend array with array (not "%s")')
        self._grow(other._buf)
        return self

    def __mul__(self, n):
        return self._new(self._items() * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        self._replace(bytes(self._buf) * max(n, 0))
        return self

    def _compare(self, other, op):
        # CPython's array_richcompare: items compared by value with no identity shortcut
        # (an array holding a NaN is not equal to itself), then the lengths.
        if not isinstance(other, array):
            return NotImplemented
        mine, theirs = self._items(), other._items()
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
        return self._new(self._items())

    def __deepcopy__(self, memo):
        return self._new(self._items())

    def __bytes__(self):
        return self.tobytes()

    def __reduce_ex__(self, protocol, /):
        state = getattr(self, '__dict__', None)
        if protocol < 3:
            return (type(self), (self._tc, self.tolist()), state)
        return (_array_reconstructor,
                (type(self), self._tc, _MFORMAT[self._tc], self.tobytes()), state)

    # -- methods ---------------------------------------------------------------------------

    def append(self, v, /):
        self._grow(_pack(self._tc, [_check(self._tc, v)]))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._grow(iterable._buf)
            return
        # Items converted before a failing one stay appended, as in CPython.
        checked = []
        try:
            for v in iterable:
                checked.append(_check(self._tc, v))
        finally:
            self._grow(_pack(self._tc, checked))

    def insert(self, i, v, /):
        items = self._items()
        items.insert(_index(i), _check(self._tc, v))
        self._set_items(items)

    def pop(self, i=-1, /):
        if not self._buf:
            raise IndexError("pop from empty array")
        i = self._position(i, "pop index out of range")
        items = self._items()
        value = items.pop(i)
        self._set_items(items)
        return value

    def remove(self, v, /):
        items = self._items()
        for i, x in enumerate(items):
            if x == v:
                del items[i]
                self._set_items(items)
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None, /):
        items = self._items()
        n = len(items)
        if stop is None:
            stop = n
        start = _index(start)
        stop = _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for x in self._items() if x == v)

    def reverse(self):
        items = self._items()
        items.reverse()
        self._set_items(items)

    def tobytes(self):
        return bytes(self._buf)

    def frombytes(self, buffer, /):
        data = _source_bytes(buffer)
        if len(data) % _SIZES[self._tc]:
            raise ValueError("bytes length not a multiple of item size")
        self._grow(data)

    def tofile(self, f, /):
        # In blocks, as CPython writes, each taken from the array when it is written.
        nbytes = len(self._buf)
        for start in range(0, nbytes, _BLOCKSIZE):
            f.write(bytes(self._buf[start:min(start + _BLOCKSIZE, nbytes)]))

    def fromfile(self, f, n, /):
        n = _index(n)
        if n < 0:
            raise ValueError("negative count")
        nbytes = n * _SIZES[self._tc]
        data = f.read(nbytes)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        self.frombytes(data)
        if len(data) != nbytes:
            raise EOFError("read() didn't return enough bytes")

    def tolist(self):
        return self._items()

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self._grow(_pack(self._tc, [_check(self._tc, v) for v in items]))

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items())

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._grow(_pack('u', list(s)))

    def byteswap(self):
        size = _SIZES[self._tc]
        if size == 1:
            return
        data = self._buf
        self._buf[:] = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))

    def buffer_info(self):
        return (id(self), len(self))


class arrayiterator:
    """The iterator of an array: reads the array as it is when each item is asked for."""
    __slots__ = ('_array', '_index')

    def __init__(self, a):
        self._array = a
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        a = self._array
        if a is None:
            raise StopIteration
        if self._index < len(a):
            self._index += 1
            return a[self._index - 1]
        self._array = None
        raise StopIteration

    def __reduce__(self):
        if self._array is None:
            return (iter, ((),))
        return (iter, (self._array,), self._index)

    def __setstate__(self, state):
        if self._array is not None:
            self._index = min(max(_index(state), 0), len(self._array))


def _array_reconstructor(arraytype, typecode, mformat_code, items, /):
    if not isinstance(arraytype, type):
        raise TypeError("first argument must be a type object, not %s"
                        % type(arraytype).__name__)
    if not issubclass(arraytype, array):
        raise TypeError("%s is not a subtype of array.array" % arraytype.__name__)
    if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in _SIZES:
        raise ValueError("second argument must be a valid type code")
    if not isinstance(mformat_code, int) or not 0 <= mformat_code < len(_MFORMAT_READ):
        raise ValueError("third argument must be a valid machine format code.")
    if not isinstance(items, bytes):
        raise TypeError("fourth argument should be bytes, not %s" % type(items).__name__)
    if mformat_code == _MFORMAT[typecode]:
        return arraytype(typecode, items)
    layout = _MFORMAT_READ[mformat_code]
    if layout.startswith('utf'):
        return arraytype(typecode, _decode_utf(layout, items))
    import struct
    return arraytype(typecode, [v for (v,) in struct.iter_unpack(layout, items)])


ArrayType = array
