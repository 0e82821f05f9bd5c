# Collector pauses: the longest automatic collection while a loop churns cycles next to
# ~1M live tracked objects, and one full collection of them (times in ms).
import gc
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
live = [[i] for i in range(n)]
longest = [0.0]
started = [0.0]


def timer(phase, info):
    if phase == "start":
        started[0] = time.perf_counter()
    elif info["generation"] == 0:
        longest[0] = max(longest[0], time.perf_counter() - started[0])


gc.callbacks.append(timer)
for i in range(200000):
    c = []
    c.append(c)
gc.callbacks.remove(timer)
t = time.perf_counter()
gc.collect()
full = time.perf_counter() - t
print("tracked", len(gc.get_objects()) > n, "longest gen-0 pause %.3f ms, full collection %.1f ms"
      % (longest[0] * 1000, full * 1000))
