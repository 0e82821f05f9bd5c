# The Python part of _posixshmem: CPython's signatures over the native calls (_posixshmem.rs).


def shm_open(path, flags, mode=0o777):
    return _shm_open(path, flags, mode)


def shm_unlink(path):
    _shm_unlink(path)
