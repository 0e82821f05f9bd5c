# gilvm's select: select() and poll objects over the native `_poll` (poll(2), GIL released).

POLLIN = 1
POLLPRI = 2
POLLOUT = 4
POLLERR = 8
POLLHUP = 16
POLLNVAL = 32
POLLRDNORM = 64
POLLRDBAND = 128
POLLWRNORM = 256
POLLWRBAND = 512
POLLMSG = 1024
POLLRDHUP = 8192

error = OSError


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            method = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
        fd = method()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def _timeout_ms(timeout, scale):
    if timeout is None:
        return -1
    if not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be an integer or None")
    ms = timeout * scale
    if ms < 0:
        return -1 if scale == 1 else None
    whole = int(ms)
    return whole + 1 if ms > whole else whole


def select(rlist, wlist, xlist, timeout=None):
    if timeout is not None and not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be a float or None")
    if timeout is not None and timeout < 0:
        raise ValueError("timeout must be non-negative")
    # As CPython's select() over fd_set: at most FD_SETSIZE entries per list and fds below
    # it; a list is read in place (a fileno() that changes it is seen), the objects answered
    # are those read.
    scanned = [_scan(rlist), _scan(wlist), _scan(xlist)]
    events = {}
    for pairs, flag in zip(scanned, (POLLIN, POLLOUT, POLLPRI)):
        for obj, fd in pairs:
            events[fd] = events.get(fd, 0) | flag
    fds = list(events)
    ready = dict(_poll(fds, [events[fd] for fd in fds], _timeout_ms(timeout, 1000)))
    for fd, revents in ready.items():
        if revents & POLLNVAL:
            raise OSError(9, "Bad file descriptor")
    readable = POLLIN | POLLHUP | POLLERR
    writable = POLLOUT | POLLERR
    masks = (readable, writable, POLLPRI)
    return tuple([obj for obj, fd in pairs if ready.get(fd, 0) & mask]
                 for pairs, mask in zip(scanned, masks))


_FD_SETSIZE = 1024


def _scan(objs):
    if isinstance(objs, (list, tuple)):
        seq = objs
    else:
        try:
            seq = list(objs)
        except TypeError:
            raise TypeError("arguments 1-3 must be sequences") from None
    pairs = []
    i = 0
    while i < len(seq):
        if i >= _FD_SETSIZE:
            raise ValueError("too many file descriptors in select()")
        obj = seq[i]
        fd = _fileno(obj)
        if fd >= _FD_SETSIZE:
            raise ValueError("filedescriptor out of range in select()")
        pairs.append((obj, fd))
        i += 1
    return pairs


class _Poll:
    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._fds[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = None
        fds = list(self._fds)
        return _poll(fds, [self._fds[fd] for fd in fds], _timeout_ms(timeout, 1))


def poll():
    return _Poll()
