# The Python part of gilvm's _thread module: the lock type over the native raw lock.

error = RuntimeError
TIMEOUT_MAX = 9223372036.0  # CPython's on 64-bit: the whole seconds of _thread.rs's LONGEST_WAIT_S


class LockType:
    def __init__(self):
        self._handle = _lock_new()

    def acquire(self, blocking=True, timeout=-1):
        return _lock_acquire(self._handle, blocking, timeout)

    acquire_lock = acquire

    def release(self):
        _lock_release(self._handle)

    release_lock = release

    def locked(self):
        return _lock_locked(self._handle)

    def _at_fork_reinit(self):
        # In the child of a fork: unlocked, whichever thread (now gone) held it.
        self._handle = _lock_new()

    locked_lock = locked

    def __enter__(self):
        return _lock_acquire(self._handle, True, -1)

    def __exit__(self, t, v, tb):
        _lock_release(self._handle)

    def __repr__(self):
        state = "locked" if self.locked() else "unlocked"
        return "<%s _thread.lock object>" % state


def allocate_lock():
    return LockType()
