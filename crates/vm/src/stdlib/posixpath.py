# gilvm's os.path (POSIX paths). _kind, _getsize and getcwd are native.

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path = path + b
        else:
            path = path + "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1 :]


def dirname(p):
    return split(p)[0]


def splitext(p):
    dot = p.rfind(".")
    slash = p.rfind("/")
    if dot > slash:
        stem_start = slash + 1
        while stem_start < dot and p[stem_start] == ".":
            stem_start += 1
        if stem_start < dot:
            return p[:dot], p[dot:]
    return p, ""


def isabs(p):
    return p.startswith("/")


def normpath(path):
    if not path:
        return "."
    initial = 1 if path.startswith("/") else 0
    if initial and path.startswith("//") and not path.startswith("///"):
        initial = 2
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = "/".join(parts)
    if initial:
        path = "/" * initial + path
    return path or "."


def abspath(path):
    if not isabs(path):
        path = join(getcwd(), path)
    return normpath(path)


def exists(path):
    return _kind(path) is not None


def isfile(path):
    return _kind(path) == "file"


def isdir(path):
    return _kind(path) == "dir"


def getsize(path):
    return _getsize(path)


def expanduser(path):
    if not path.startswith("~"):
        return path
    import os

    home = os.environ.get("HOME", "/")
    return home.rstrip("/") + path[1:] if (len(path) == 1 or path[1] == "/") else path
