# Two CPU-bound threads count for a fixed wall time; each one's share shows how fairly the
# GIL is shared (under --gil timeout or priority both get a fair share).
import threading
import time

DURATION = 0.5
counts = {}


def spin(name):
    n = 0
    deadline = time.monotonic() + DURATION
    while time.monotonic() < deadline:
        n += 1
    counts[name] = n


threads = [threading.Thread(target=spin, args=(name,)) for name in ("a", "b")]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = counts["a"] + counts["b"]
for name in ("a", "b"):
    print("share", name, round(100 * counts[name] / total))
