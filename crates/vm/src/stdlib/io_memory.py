# gilvm's in-memory streams, io.StringIO and io.BytesIO (run into the io module before
# io.py). Writes at the end are kept as a list of chunks and joined when read.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


# `newlines` by the kinds seen (1: '\n', 2: '\r', 4: '\r\n'), as CPython's newline decoder.
_SEEN_NEWLINES = (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"), ("\r", "\r\n"),
                  ("\r", "\n", "\r\n"))


class _Memory:
    _empty = ""
    _closed_message = "I/O operation on closed file."

    def _setup(self, initial):
        self._chunks = [initial] if initial else []
        self._len = len(initial)
        self._pos = 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_message)

    def _value(self):
        if len(self._chunks) > 1:
            self._chunks = [self._empty.join(self._chunks)]
        return self._chunks[0] if self._chunks else self._empty

    def getvalue(self):
        self._check()
        return self._value()

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._chunks.append(s)
        else:
            value = self._value()
            if pos > self._len:
                value = value + self._pad(pos - self._len)
            value = value[:pos] + s + value[pos + n:]
            self._chunks = [value]
        self._pos = pos + n
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check()
        value = self._value()
        if size is None or size < 0:
            end = self._len
        else:
            end = min(self._len, self._pos + size)
        if self._pos >= end:
            return self._empty
        chunk = value[self._pos:end]
        self._pos = end
        return chunk

    def readline(self, size=-1):
        self._check()
        value = self._value()
        if self._pos >= self._len:
            return self._empty
        end = self._find_newline(value, self._pos)
        end = self._len if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = value[self._pos:end]
        self._pos = end
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._len:
            self._chunks = [self._value()[:size]]
            self._len = size
        return size

    def close(self):
        self._closed = True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_Memory):
    _empty = ""
    _newline = "\n"
    _closed_message = "I/O operation on closed file"

    def _find_newline(self, value, pos):
        # The index of the last character of the line starting at `pos`, -1 if unterminated.
        readnl = self._readnl
        if readnl is None or readnl == "\n":
            return value.find("\n", pos)
        if readnl == "":
            # Universal newlines, untranslated: \r, \n and \r\n all end a line.
            cr = value.find("\r", pos)
            lf = value.find("\n", pos)
            if cr < 0 or 0 <= lf < cr:
                return lf
            return cr + 1 if value.startswith("\n", cr + 1) else cr
        end = value.find(readnl, pos)
        return end if end < 0 else end + len(readnl) - 1

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not "
                            + type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not " + type(newline).__name__)
        if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        # CPython's rules: newline None or '' reads universal newlines (None also translates
        # them to '\n' on write); '\r' and '\r\n' are what '\n' becomes on write.
        self._readnl = newline
        self._writenl = newline if newline in ("\r", "\r\n") else None
        self._translate = newline is None
        self._seen = 0 if newline in (None, "") else None
        self._setup("")
        self._write(self._translated(initial_value))
        self._pos = 0
        self.newline = newline

    def _translated(self, s):
        if self._seen is not None:
            crlf = s.count("\r\n")
            cr = s.count("\r") - crlf
            lf = s.count("\n") - crlf
            self._seen |= (1 if lf else 0) | (2 if cr else 0) | (4 if crlf else 0)
            if self._translate and (cr or crlf):
                s = s.replace("\r\n", "\n").replace("\r", "\n")
        if self._writenl is not None:
            s = s.replace("\n", self._writenl)
        return s

    @property
    def newlines(self):
        self._check()
        if self._seen is None:
            return None
        return _SEEN_NEWLINES[self._seen]

    def _pad(self, n):
        return "\0" * n

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        self._write(self._translated(s))
        return len(s)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    def detach(self):
        raise UnsupportedOperation("detach")

    def __repr__(self):
        return "<_io.StringIO object at %#x>" % id(self)


_RESIZE_MESSAGE = "Existing exports of data: object cannot be re-sized"


class BytesIO(_Memory):
    _empty = b""
    _newline = b"\n"
    # The bytearray getbuffer() exported: the storage while a view of it may be alive.
    _shared = None

    def _exported(self):
        # A bytearray refuses to be resized while a view exports it; once none does, its
        # bytes go back to the chunks.
        shared = self._shared
        if shared is None:
            return False
        try:
            shared.append(0)
        except BufferError:
            return True
        shared.pop()
        self._chunks = [bytes(shared)] if shared else []
        self._shared = None
        return False

    def _value(self):
        if self._exported():
            return bytes(self._shared)
        return _Memory._value(self)

    def _write(self, s):
        if self._exported():
            raise BufferError(_RESIZE_MESSAGE)
        return _Memory._write(self, s)

    def truncate(self, size=None):
        if self._exported() and (size is None or size < self._len):
            raise BufferError(_RESIZE_MESSAGE)
        return _Memory.truncate(self, size)

    # Defined here, as CPython's BytesIO does (its own C method).
    def flush(self):
        _Memory.flush(self)

    def close(self):
        if self._exported():
            raise BufferError(_RESIZE_MESSAGE)
        _Memory.close(self)

    def _find_newline(self, value, pos):
        # Searched in growing windows (bytes.find takes no start here).
        step = 256
        n = len(value)
        while pos < n:
            k = value[pos:pos + step].find(b"\n")
            if k >= 0:
                return pos + k
            pos += step
            step *= 2
        return -1

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        if not isinstance(initial_bytes, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(initial_bytes).__name__)
        self._setup(bytes(initial_bytes))

    def _pad(self, n):
        return b"\0" * n

    def write(self, b):
        self._check()
        if not isinstance(b, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return self._write(bytes(b))

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        with memoryview(buffer) as view, view.cast("B") as target:
            data = self.read(len(target))
            target[:len(data)] = data
        return len(data)

    def getbuffer(self):
        self._check()
        if not self._exported():
            self._shared = bytearray(self._value())
            self._chunks = []
        return memoryview(self._shared)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._len + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def __repr__(self):
        return "<_io.BytesIO object at %#x>" % id(self)
