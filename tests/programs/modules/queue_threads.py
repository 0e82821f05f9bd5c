import queue
import threading

q = queue.Queue()
results = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * item)
        q.task_done()


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for i in range(20):
    q.put(i)
q.join()
for _ in threads:
    q.put(None)
for t in threads:
    t.join()
print(sorted(results), q.empty(), q.qsize())

bounded = queue.Queue(maxsize=2)
bounded.put(1)
bounded.put_nowait(2)
print(bounded.full(), bounded.qsize())
try:
    bounded.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(bounded.get(), bounded.get_nowait())
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    bounded.get_nowait()
except queue.Empty as e:
    print(type(e).__name__, repr(str(e)))

lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
for x in [3, 1, 2]:
    lifo.put(x)
    prio.put((x, "p%d" % x))
print([lifo.get() for _ in range(3)], [prio.get() for _ in range(3)])


def producer(out):
    for i in range(5):
        out.put(("item", i))
    out.put(("done", None))


channel = queue.Queue(maxsize=1)
threading.Thread(target=producer, args=(channel,)).start()
received = []
while True:
    kind, value = channel.get()
    if kind == "done":
        break
    received.append(value)
print(received)
try:
    queue.Queue().task_done()
except ValueError as e:
    print(type(e).__name__, e)
