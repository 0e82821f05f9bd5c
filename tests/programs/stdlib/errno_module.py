import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[errno.ECONNREFUSED])
print(len(errno.errorcode), sorted(errno.errorcode)[:10], max(errno.errorcode))
names = sorted(set(errno.errorcode.values()) | {"EWOULDBLOCK", "EDEADLOCK", "ENOTSUP"})
print(len(names), names[:8])
print(all(getattr(errno, name) in errno.errorcode for name in names))
print(sorted(set(name for name in names if errno.errorcode[getattr(errno, name)] != name)))
try:
    os.listdir("/no/such/dir")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], type(e).__name__)
