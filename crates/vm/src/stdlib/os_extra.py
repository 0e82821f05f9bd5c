# More of gilvm's os (run into the module after os.py): stat_result, stat/lstat, scandir,
# walk, and os.environ as a mapping class.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

_STAT_FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                "st_atime", "st_mtime", "st_ctime")


class stat_result(tuple):
    n_sequence_fields = 10

    def __new__(cls, fields):
        return tuple.__new__(cls, tuple(fields)[:10])

    def __init__(self, fields):
        fields = tuple(fields)
        if len(fields) >= 16:
            self.st_atime, self.st_mtime, self.st_ctime = fields[10:13]
            self.st_atime_ns, self.st_mtime_ns, self.st_ctime_ns = fields[13:16]
        else:
            self.st_atime, self.st_mtime, self.st_ctime = fields[7:10]

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])

    def __repr__(self):
        values = list(self[:7]) + [int(self.st_atime), int(self.st_mtime), int(self.st_ctime)]
        return "os.stat_result(" + ", ".join(
            "%s=%r" % (n, v) for n, v in zip(_STAT_FIELDS, values)) + ")"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_stat(path, False))


def _S_IFMT(mode):
    return mode & 0o170000


class DirEntry:
    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _mode(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode
        except OSError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return _S_IFMT(self._mode(follow_symlinks)) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return _S_IFMT(self._mode(follow_symlinks)) == 0o100000

    def is_symlink(self):
        return _S_IFMT(self._mode(False)) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class _ScandirIterator:
    def __init__(self, directory):
        self._dir = directory
        self._names = iter(listdir(directory))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dir, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path="."):
    return _ScandirIterator(path)


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            new_path = path.join(top, name)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for name in dirs:
            new_path = path.join(top, name)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError(
        f"expected {type(p).__name__}.__fspath__() to return str or bytes, not {type(r).__name__}"
    )


# The file system encoding is utf-8; undecodable bytes travel as lone surrogates (PEP 383).
def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def __getattr__(name):
    # os.PathLike (an abc.ABC) is made on first use, so that importing os imports no other
    # module: an import hook sees only the imports the script makes, as in CPython, whose
    # os is imported before the script runs.
    if name != "PathLike":
        raise AttributeError(f"module 'os' has no attribute '{name}'")
    import abc

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return any("__fspath__" in klass.__dict__ for klass in subclass.__mro__)
        return NotImplemented

    # Made by calling the metaclass, so that its __qualname__ is its name.
    PathLike = abc.ABCMeta("PathLike", (abc.ABC,), {
        "__doc__": "Abstract base class for implementing the file system path protocol.",
        "__module__": "os",
        "__slots__": (),
        "__fspath__": abc.abstractmethod(__fspath__),
        "__subclasshook__": classmethod(__subclasshook__),
    })
    globals()["PathLike"] = PathLike
    return PathLike


def _islink(p):
    try:
        return _S_IFMT(_stat(p, False)[0]) == 0o120000
    except OSError:
        return False


def _relpath(p, start=None):
    if not p:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start_list = [x for x in path.abspath(start).split(sep) if x]
    path_list = [x for x in path.abspath(p).split(sep) if x]
    i = len(path.commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return path.join(*rel_list)


def _commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _getmtime(p):
    return stat(p).st_mtime


def _getatime(p):
    return stat(p).st_atime


def _getctime(p):
    return stat(p).st_ctime


def _lexists(p):
    try:
        _stat(p, False)
    except OSError:
        return False
    return True


def _splitdrive(p):
    return p[:0], p


def _samefile(a, b):
    s1 = stat(a)
    s2 = stat(b)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


for _name, _f in (("islink", _islink), ("relpath", _relpath), ("commonprefix", _commonprefix),
                  ("getmtime", _getmtime), ("getatime", _getatime), ("getctime", _getctime),
                  ("lexists", _lexists), ("splitdrive", _splitdrive), ("samefile", _samefile)):
    if not hasattr(path, _name):
        setattr(path, _name, _f)
del _name, _f
