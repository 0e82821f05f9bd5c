# gilvm's file objects. A file's contents are read whole when it is opened for reading;
# writes are buffered in a native sink (io_sink.rs), written out on flush() and close(), when
# the file object is freed, and at exit.


class UnsupportedOperation(OSError, ValueError):
    pass


class _File:
    def __init__(self, name, mode, binary, data, sink):
        self.name = name
        self.mode = mode
        self.closed = False
        self._binary = binary
        self._data = data
        self._pos = 0
        self._writing = sink is not None
        self._sink = sink

    def _check(self, want_write):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if want_write and not self._writing:
            raise UnsupportedOperation("not writable")
        if not want_write and self._writing:
            raise UnsupportedOperation("not readable")

    def read(self, size=-1):
        self._check(False)
        end = len(self._data) if size is None or size < 0 else self._pos + size
        chunk = self._data[self._pos : end]
        self._pos += len(chunk)
        return chunk

    def readline(self, size=-1):
        self._check(False)
        newline = b"\n" if self._binary else "\n"
        end = self._data.find(newline, self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = self._data[self._pos : end]
        self._pos = end
        return line

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check(False)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(True)
        if self._binary and not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '" + type(data).__name__ + "'")
        if not self._binary and not isinstance(data, str):
            raise TypeError("write() argument must be str, not " + type(data).__name__)
        _sink_write(self._sink, data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._writing:
            _sink_flush(self._sink)

    def close(self):
        if not self.closed:
            self.closed = True
            if self._writing:
                _sink_close(self._sink)

    def readable(self):
        return not self._writing

    def writable(self):
        return self._writing

    def __enter__(self):
        self._check(self._writing)
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        if self._binary:
            kind = "_io.BufferedWriter" if self._writing else "_io.BufferedReader"
            return "<" + kind + " name=" + repr(self.name) + ">"
        return (
            "<_io.TextIOWrapper name=" + repr(self.name) + " mode=" + repr(self.mode)
            + " encoding='UTF-8'>"
        )


class FileIO:
    """Raw binary I/O on a file descriptor (`open(fd, "rb", buffering=0)`): every call is one
    system call, made without the GIL; the buffer a transfer reads from or fills stays
    exported (not resizable) for the whole call, and nothing else about it is held."""

    def __init__(self, file, mode="r", closefd=True):
        if not isinstance(file, int) or isinstance(file, bool):
            raise TypeError("FileIO over a path is not supported here; pass a descriptor")
        if file < 0:
            raise ValueError("negative file descriptor")
        self._fd = file
        self.name = file
        self._writing = any(c in mode for c in "wax+")
        self._reading = "r" in mode or "+" in mode
        self.mode = ("rb+" if self._reading else "wb") if self._writing else "rb"
        self.closefd = closefd
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check(self, reading):
        if self._closed:
            raise ValueError("I/O operation on closed file")
        if reading and not self._reading:
            raise UnsupportedOperation("File not open for reading")
        if not reading and not self._writing:
            raise UnsupportedOperation("File not open for writing")

    def fileno(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")
        return self._fd

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def readinto(self, buffer):
        self._check(True)
        import os
        with memoryview(buffer) as view, view.cast("B") as target:
            data = os.read(self._fd, len(target))
            target[:len(data)] = data
        return len(data)

    def read(self, size=-1):
        self._check(True)
        import os
        if size is not None and size >= 0:
            return os.read(self._fd, size)
        chunks = []
        while True:
            chunk = os.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def readall(self):
        return self.read()

    def write(self, data):
        self._check(False)
        import os
        with memoryview(data) as view:
            return os.write(self._fd, view)

    def flush(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        if not self._closed:
            self._closed = True
            if self.closefd:
                import os
                os.close(self._fd)

    def __enter__(self):
        self._check(self._reading)
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<_io.FileIO name=%r mode=%r closefd=%r>" % (self.name, self.mode, self.closefd)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    kinds = [c for c in mode if c in "rwax"]
    if any(c not in "rwaxbt+" for c in mode) or ("b" in mode and "t" in mode):
        raise ValueError("invalid mode: '" + mode + "'")
    if len(kinds) != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    binary = "b" in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if encoding is not None and encoding.lower().replace("-", "").replace("_", "") != "utf8":
        raise LookupError("unknown encoding: " + encoding)
    kind = kinds[0]
    if buffering == 0:
        if not binary:
            raise ValueError("can't have unbuffered text I/O")
        return FileIO(file, mode)
    if kind == "r":
        return _File(file, mode, binary, _read_file(file, binary), None)
    empty = b"" if binary else ""
    return _File(file, mode, binary, empty, _sink_open(file, kind == "a", kind == "x"))


_BASES = ("IOBase", "RawIOBase", "BufferedIOBase", "BufferedReader", "BufferedWriter",
          "TextIOBase")


def __getattr__(name):
    # CPython's abstract classes and buffered reader/writer (_io_bases, from _pyio) are
    # loaded on first use, so that importing io imports no other module.
    if name not in _BASES:
        raise AttributeError(f"module 'io' has no attribute '{name}'")
    import _io_bases
    for base in _BASES:
        cls = getattr(_io_bases, base)
        cls.__module__ = "io"
        globals()[base] = cls
    # As CPython's StringIO and BytesIO derive from them: isinstance() checks hold.
    _io_bases.TextIOBase.register(StringIO)
    _io_bases.BufferedIOBase.register(BytesIO)
    return globals()[name]
