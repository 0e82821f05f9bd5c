# gilvm's struct: Struct, error and the argument checks over the native `_calcsize`,
# `_pack` and `_unpack`.

__all__ = [
    "calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error",
]


class error(Exception):
    pass


error.__module__ = "struct"


def _view(buffer):
    """`buffer` itself when it is bytes, a bytearray or a memoryview; a memoryview of any
    other exporter of the buffer protocol (`array.array`); `buffer` itself otherwise."""
    if isinstance(buffer, (bytes, bytearray, memoryview, str)):
        return buffer
    try:
        return memoryview(buffer)
    except TypeError:
        return buffer


def _buffer_len(buffer):
    if isinstance(buffer, (bytes, bytearray)):
        return len(buffer)
    if isinstance(buffer, memoryview):
        return buffer.nbytes
    if isinstance(buffer, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)


class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not "
                            + type(format).__name__)
        self.size, self._count = _calcsize(error, format)
        self.format = format

    def pack(self, *values):
        return _pack(error, self.format, values)

    def pack_into(self, buffer, offset, *values):
        data = _pack(error, self.format, values)
        kind = type(buffer).__name__
        buffer = _view(buffer)
        if isinstance(buffer, memoryview) and not buffer.readonly:
            buffer = buffer.cast("B")
        elif not isinstance(buffer, bytearray):
            raise TypeError("argument must be read-write bytes-like object, not " + kind)
        n = len(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            if offset > n:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, n))
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer):
        buffer = _view(buffer)
        n = _buffer_len(buffer)
        if n != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return _unpack(error, self.format, buffer, 0)

    def unpack_from(self, buffer, offset=0):
        buffer = _view(buffer)
        n = _buffer_len(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            if offset > n:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, n))
        return _unpack(error, self.format, buffer, offset)

    def iter_unpack(self, buffer):
        buffer = _view(buffer)
        n = _buffer_len(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if n % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return self._iter(buffer, n)

    def _iter(self, buffer, n):
        for offset in range(0, n, self.size):
            yield _unpack(error, self.format, buffer, offset)


_cache = {}


def _get(format):
    s = _cache.get(format)
    if s is None:
        s = Struct(format)
        if len(_cache) > 100:
            _cache.clear()
        _cache[format] = s
    return s


def calcsize(format):
    return _get(format).size


def pack(format, *values):
    return _get(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    return _get(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    return _get(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _get(format).iter_unpack(buffer)
