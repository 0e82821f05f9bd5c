# _posixshmem opens and removes POSIX shared memory objects; errors are CPython's OSErrors.
import os
import _posixshmem

name = f"/gilvm_shm_{os.getpid()}"
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
print(fd > 2)
os.write(fd, b"shared")
os.close(fd)
try:
    _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == name)
fd = _posixshmem.shm_open(name, os.O_RDONLY)
print(os.read(fd, 6))
os.close(fd)
_posixshmem.shm_unlink(name)
for call in (lambda: _posixshmem.shm_unlink(name), lambda: _posixshmem.shm_open(name, os.O_RDONLY)):
    try:
        call()
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
