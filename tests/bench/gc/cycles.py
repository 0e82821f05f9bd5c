# The cycle loop of issue 12: two-object cycles, self-containing lists and dicts, and an
# exception kept in a local. Prints the peak RSS (VmHWM) in MB; run under gilvm and python3.
#   gilvm tests/bench/gc/cycles.py 1000000
import sys


class Node:
    pass


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
for i in range(n):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    l = []
    l.append(l)
    d = {}
    d["d"] = d
    try:
        raise ValueError(i)
    except ValueError as e:
        keep = e
print(n, "iterations, peak RSS", peak_rss_mb(), "MB")
