# threading.Barrier: parties meet, one gets index 0 in each round; abort and reset break it.
import threading

barrier = threading.Barrier(3)
indices = []
lock = threading.Lock()


def worker():
    for _ in range(4):
        i = barrier.wait()
        with lock:
            indices.append(i)


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), barrier.parties, barrier.n_waiting, barrier.broken)

actions = []
b = threading.Barrier(1, action=lambda: actions.append("ran"))
print(b.wait(), actions)
b.abort()
print(b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", isinstance(e, RuntimeError))
b.reset()
print(b.broken)
timed = threading.Barrier(2, timeout=0.01)
try:
    timed.wait()
except threading.BrokenBarrierError:
    print("timed out, broken:", timed.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError", e)
