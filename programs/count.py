"""David Beazley's experiment from "Inside the Python GIL" (2009): count down from N twice,
one after the other, then in two threads at once. On a multicore machine under Python 2's
GIL the threaded version took longer than the sequential one.

Usage: count.py N [both|sequential|threaded]   (default: both)
Prints "sequential S s" and/or "threaded S s" (wall-clock seconds).
"""
import sys
import threading
import time


def count(n):
    while n > 0:
        n -= 1


def main():
    n = int(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "both"
    if mode in ("both", "sequential"):
        start = time.perf_counter()
        count(n)
        count(n)
        print("sequential %.4f s" % (time.perf_counter() - start))
    if mode in ("both", "threaded"):
        start = time.perf_counter()
        threads = [threading.Thread(target=count, args=(n,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("threaded %.4f s" % (time.perf_counter() - start))


main()
