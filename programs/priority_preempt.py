# A CPU-bound low-priority thread and a high-priority thread that sleeps 1 ms in a loop and
# measures how late it wakes up. Under gilvm's priority policy the lateness stays small;
# under timeout it is about the switch interval. The last line is the same sleeper's
# lateness with no CPU-bound thread, measured in the same run: what the OS alone adds.
# Usage: priority_preempt.py [ROUNDS] (default 200 sleeps of 1 ms).
import sys
import threading
import time

try:
    import gil
except ImportError:
    gil = None

SLEEP = 0.001
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
done = threading.Event()
lateness = []


def cpu_bound():
    n = 0
    while not done.is_set():
        n += 1


def sleep_rounds(into):
    for _ in range(ROUNDS):
        start = time.perf_counter()
        time.sleep(SLEEP)
        into.append(time.perf_counter() - start - SLEEP)


def sleeper():
    sleep_rounds(lateness)
    done.set()


def quantiles(values):
    values = sorted(values)
    return values[len(values) // 2], values[len(values) * 99 // 100]


low = threading.Thread(target=cpu_bound, name="low", kwargs={})
high = threading.Thread(target=sleeper, name="high")
if gil is not None:
    low.priority = -1
    high.priority = 1
low.start()
high.start()
high.join()
low.join()
p50, p99 = quantiles(lateness)
print("rounds", len(lateness))
print("lateness p50 %.3f ms, p99 %.3f ms" % (p50 * 1e3, p99 * 1e3))
alone = []
sleep_rounds(alone)
p50, p99 = quantiles(alone)
print("no CPU thread: lateness p50 %.3f ms, p99 %.3f ms" % (p50 * 1e3, p99 * 1e3))
