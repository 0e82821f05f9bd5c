"""Bytes per small object: resident memory grown by a million of them, divided (the list
holding them included: 8 bytes a slot in CPython, 16 in gilvm), beside sys.getsizeof.
Run one kind per process (freed memory would be reused by the next):
`for k in int float str10 instance instance3 tuple3; do INTERP tests/bench/object_sizes.py $k; done`"""
import sys

N = 1_000_000


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


class Empty:
    pass


def make(kind, i):
    if kind == "int":
        return i + (1 << 40)
    if kind == "float":
        return i + 0.5
    if kind == "str10":
        return "%010d" % i
    if kind == "instance":
        return Empty()
    if kind == "instance3":
        e = Empty()
        e.a = e.b = e.c = i
        return e
    return (i, i, i)


for kind in sys.argv[1:]:
    slots = [None] * N
    before = rss()
    for i in range(N):
        slots[i] = make(kind, i)
    per = (rss() - before) / N
    size = sys.getsizeof(slots[0]) if hasattr(sys, "getsizeof") else "-"
    print(f"{kind:10} {per:6.1f} bytes each (getsizeof {size})")
    del slots
