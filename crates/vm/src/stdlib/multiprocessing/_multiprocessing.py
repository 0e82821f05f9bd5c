# gilvm's _multiprocessing: CPython's SemLock (Modules/_multiprocessing/semaphore.c) over
# the POSIX named semaphores of semaphore.rs.

import _thread

flags = {"HAVE_SEM_OPEN": 1, "HAVE_SEM_TIMEDWAIT": 1}

RECURSIVE_MUTEX = 0
SEMAPHORE = 1


class SemLock:
    SEM_VALUE_MAX = 2147483647

    def __init__(self, kind, value, maxvalue, name, unlink):
        if kind != RECURSIVE_MUTEX and kind != SEMAPHORE:
            raise ValueError("unrecognized kind")
        handle = _sem_open(name, value)
        if unlink:
            sem_unlink(name)
            name = None
        self._setup(handle, kind, maxvalue, name)

    def _setup(self, handle, kind, maxvalue, name):
        self.handle = handle
        self.kind = kind
        self.maxvalue = maxvalue
        self.name = name
        self._count_ = 0
        self._last_tid = 0

    @classmethod
    def _rebuild(cls, handle, kind, maxvalue, name):
        if name is not None:
            handle = _sem_open(name, None)
        self = cls.__new__(cls)
        self._setup(handle, kind, maxvalue, name)
        return self

    def acquire(self, block=True, timeout=None):
        if self.kind == RECURSIVE_MUTEX and self._is_mine():
            self._count_ += 1
            return True
        if not block:
            timeout = 0.0
        elif timeout is not None:
            timeout = max(float(timeout), 0.0)
        if not _sem_wait(self.handle, timeout):
            return False
        self._count_ += 1
        self._last_tid = _thread.get_ident()
        return True

    def release(self):
        if self.kind == RECURSIVE_MUTEX:
            if not self._is_mine():
                raise AssertionError("attempt to release recursive lock not owned by thread")
            if self._count_ > 1:
                self._count_ -= 1
                return
        elif self.maxvalue == 1:
            # A lock: it must be held, so taking it now must fail.
            if _sem_wait(self.handle, 0.0):
                _sem_post(self.handle)
                raise ValueError("semaphore or lock released too many times")
        elif _sem_getvalue(self.handle) >= self.maxvalue:
            raise ValueError("semaphore or lock released too many times")
        _sem_post(self.handle)
        self._count_ -= 1

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def _count(self):
        return self._count_

    def _is_mine(self):
        return self._count_ > 0 and self._last_tid == _thread.get_ident()

    def _get_value(self):
        return _sem_getvalue(self.handle)

    def _is_zero(self):
        return _sem_getvalue(self.handle) == 0

    def _after_fork(self):
        self._count_ = 0
