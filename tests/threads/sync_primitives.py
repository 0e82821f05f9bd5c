import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in with", lock.locked())

r = threading.RLock()
with r:
    with r:
        print("rlock nested ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer = None
t = threading.Thread(target=lambda: (time.sleep(0.02), ev.set()))
t.start()
print(ev.wait(), ev.is_set())
t.join()
ev.clear()
print(ev.is_set())

cond = threading.Condition()
items = []


def consumer():
    with cond:
        while not items:
            cond.wait()
        print("consumed", items.pop())


c = threading.Thread(target=consumer)
c.start()
time.sleep(0.02)
with cond:
    items.append(42)
    cond.notify()
c.join()
with cond:
    print("wait timeout", cond.wait(0.01))
print(c.is_alive(), threading.active_count(), threading.current_thread().name)
print(threading.main_thread() is threading.current_thread())


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n, daemon=False)
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * 2


w = Worker(21)
w.start()
w.join(timeout=5)
print(w.name, w.result, w.daemon, w.is_alive(), w.ident is not None)
results = []
ts = [threading.Thread(target=results.append, args=(i,), kwargs={}) for i in range(5)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(sorted(results), [x.name for x in ts][:2])
