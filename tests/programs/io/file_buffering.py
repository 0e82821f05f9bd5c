# Writes are buffered: visible after flush(), close(), or when the file object is freed;
# "x" mode fails on an existing file with its name in the message.
import os

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_tmp_buffering_%d" % os.getpid())
os.mkdir(base)
path = os.path.join(base, "log.txt")


def read(p):
    with open(p) as f:
        return f.read()


f = open(path, "w")
f.write("one\n")
print("before flush:", repr(read(path)))
f.flush()
print("after flush:", repr(read(path)))
f.write("two\n")
f.close()
f.close()
print("after close:", repr(read(path)))
try:
    f.flush()
except ValueError as e:
    print("ValueError:", e)


def scoped():
    g = open(path, "a")
    g.write("written when the frame's file object is freed\n")


scoped()
print(read(path).splitlines()[-1])

try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", e.errno, e.strerror, os.path.basename(e.filename))
with open(path, "a") as h:
    h.write("x" * 100000)
print(len(read(path)))
os.remove(path)
os.rmdir(base)
