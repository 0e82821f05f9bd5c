# A CPU-bound low-priority thread and a high-priority thread that sleeps 1 ms in a loop and
# measures how late it wakes up. Under gilvm's priority policy the lateness stays small;
# under timeout it is about the switch interval.
import threading
import time

try:
    import gil
except ImportError:
    gil = None

SLEEP = 0.001
ROUNDS = 200
done = threading.Event()
lateness = []


def cpu_bound():
    n = 0
    while not done.is_set():
        n += 1


def sleeper():
    for _ in range(ROUNDS):
        start = time.perf_counter()
        time.sleep(SLEEP)
        lateness.append(time.perf_counter() - start - SLEEP)
    done.set()


low = threading.Thread(target=cpu_bound, name="low", kwargs={})
high = threading.Thread(target=sleeper, name="high")
if gil is not None:
    low.priority = -1
    high.priority = 1
low.start()
high.start()
high.join()
low.join()
lateness.sort()
p50 = lateness[len(lateness) // 2]
p99 = lateness[len(lateness) * 99 // 100]
print("rounds", len(lateness))
print("lateness p50 %.3f ms, p99 %.3f ms" % (p50 * 1e3, p99 * 1e3))
