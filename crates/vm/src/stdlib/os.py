# gilvm's os module: the native functions plus what is written over them.

curdir = "."
pardir = ".."
extsep = "."
devnull = "/dev/null"


def getenv(key, default=None):
    return environ.get(key, default)


def makedirs(name, exist_ok=False):
    head = path.dirname(name)
    if head and not path.exists(head):
        makedirs(head, exist_ok=True)
    if exist_ok and path.isdir(name):
        return
    mkdir(name)


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError(
            "expected str, bytes or os.PathLike object, not " + path_type.__name__
        ) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError(
        "expected {}.__fspath__() to return str or bytes, not {}".format(
            path_type.__name__, type(path_repr).__name__
        )
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
