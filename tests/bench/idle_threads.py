#!/usr/bin/env python3
"""Memory of idle threads: N threads started at once, each blocked on one `threading.Event`.

    python3 tests/bench/idle_threads.py [--threads N] [--gilvm PATH] [--python PATH]

Runs the same child program under gilvm (default target/release/gilvm) and CPython (default
/usr/bin/python3.11, else this python3) and prints, for each, the resident set size before the
threads start and with all of them waiting, and the growth per thread; then gilvm's growth as a
ratio of CPython's. The child reads its own /proc/self/status and /proc/self/smaps, so the per
thread figure is split into thread stacks (touched pages of the stack mappings) and the rest
(heap: thread objects, locks, frames; the interpreter's per-thread records).
"""

import argparse
import os
import subprocess
import sys

CHILD = r"""
import sys, threading
n = int(sys.argv[1])
ev = threading.Event()

def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])

def stacks_kb():
    # A thread stack is one anonymous mapping of the thread's stack size (CPython: 8 MiB,
    # gilvm: 256 MiB), both well above any heap arena's 64 MiB.
    total = 0
    size = 0
    with open("/proc/self/smaps") as f:
        data = f.read()
    for line in data.split("\n"):
        if line.startswith("Size:"):
            size = int(line.split()[1])
        elif line.startswith("Rss:") and (size == 8192 or 200000 < size < 300000):
            total += int(line.split()[1])
    return total

before = rss_kb()
stacks_before = stacks_kb()
threads = [threading.Thread(target=ev.wait) for _ in range(n)]
for t in threads:
    t.start()
after = rss_kb()
stacks = stacks_kb() - stacks_before
ev.set()
for t in threads:
    t.join()
print(before, after, stacks)
"""


def measure(cmd, n):
    out = subprocess.run(cmd + ["-c", CHILD, str(n)], capture_output=True, text=True,
                         timeout=600, check=True).stdout
    before, after, stacks = (int(x) for x in out.split())
    return before, after, stacks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=10000)
    ap.add_argument("--gilvm", default="target/release/gilvm")
    ap.add_argument("--python", default="/usr/bin/python3.11")
    args = ap.parse_args()
    python = args.python if args.python and os.path.exists(args.python) else sys.executable
    n = args.threads
    per = {}
    print("%-28s %10s %12s %14s %14s" % ("", "RSS before", "RSS idle", "kB per thread",
                                        "of it stack"))
    for name, cmd in (("gilvm", [args.gilvm]), (python, [python])):
        before, after, stacks = measure(cmd, n)
        per[name] = (after - before) / n
        print("%-28s %8.1f MB %10.1f MB %14.1f %14.1f" % (
            name, before / 1024, after / 1024, per[name], stacks / n))
    print("gilvm / CPython per thread: %.2fx" % (per["gilvm"] / per[python]))


if __name__ == "__main__":
    main()
