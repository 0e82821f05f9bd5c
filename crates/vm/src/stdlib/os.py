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
