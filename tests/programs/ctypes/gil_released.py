# A foreign call releases the GIL: a thread blocked in C's read() on a pipe lets the main
# thread run Python and write what it waits for. (Holding the GIL in read() would hang here.)
import os
import threading
from ctypes import CDLL, c_char, c_int, c_size_t, c_ssize_t, c_void_p

libc = CDLL(None)
libc.read.argtypes = [c_int, c_void_p, c_size_t]
libc.read.restype = c_ssize_t

r, w = os.pipe()
buffer = (c_char * 16)()
about_to_read = threading.Event()
got = []


def reader():
    about_to_read.set()
    got.append(libc.read(r, buffer, 16))


t = threading.Thread(target=reader)
t.start()
about_to_read.wait()
squares = [n * n for n in range(1000)]  # Python work while the reader waits in C
os.write(w, b"through C")
t.join()
print(got, buffer.value, sum(squares))
os.close(r)
os.close(w)
