# _thread.lock (threading.Lock): a native type with CPython's methods, errors and waits.
import _thread
import threading
import time
import weakref

lock = threading.Lock()
print(type(lock), type(lock).__name__, type(lock).__module__)
print(_thread.LockType is type(lock), threading.Lock is _thread.allocate_lock)
print(repr(lock).split(" object at ")[0])

# acquire(blocking=True, timeout=-1), positional or by name; release; locked.
print(lock.acquire(), lock.locked(), repr(lock).split(" object at ")[0])
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
print(lock.acquire(True, 0), lock.acquire(1, 0.001), lock.acquire(blocking=0))
lock.release()
print(lock.locked())

for call in (
    lambda: lock.release(),
    lambda: lock.acquire(False, 1),
    lambda: lock.acquire(timeout=-2),
    lambda: lock.acquire(foo=1),
    lambda: lock.acquire(1, 2, 3),
    lambda: lock.acquire(True, blocking=True),
    lambda: lock.acquire(timeout="1"),
    lambda: lock.release(1),
    lambda: lock.locked(1),
    lambda: _thread.LockType(),
):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
try:
    lock.x = 1
except AttributeError:
    print("no attributes of its own")
print(lock.locked())

# The old names, the unbound methods, the context manager (released on an exception too).
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
print(_thread.LockType.acquire(lock), _thread.LockType.locked(lock))
_thread.LockType.release(lock)
with lock:
    print("inside", lock.locked())
try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("after an exception", lock.locked())
print(lock.__enter__(), lock.__exit__(None, None, None), lock.locked())

# Weak references; a fork's child reinitialises a held lock as unlocked.
ref = weakref.ref(lock)
print(ref() is lock)
held = _thread.allocate_lock()
held.acquire()
held._at_fork_reinit()
print(held.locked(), held.acquire(False))
del held

# Waiting in another thread releases the GIL; a timeout gives up.
def holder(ready):
    with lock:
        ready.set()
        time.sleep(0.05)

ready = threading.Event()
worker = threading.Thread(target=holder, args=(ready,))
worker.start()
ready.wait()
print("busy", lock.acquire(timeout=0.001))
print("handed over", lock.acquire(timeout=5))
lock.release()
worker.join()

# The primitives threading builds on locks.
cond = threading.Condition()
with cond:
    print("condition wait", cond.wait(0.01))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release()
rlock = threading.RLock()
with rlock:
    with rlock:
        print("rlock re-entered")
results = []
threads = [threading.Thread(target=lambda i=i: results.append(i)) for i in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results) == list(range(20)))

# Timeouts: int and float subclasses are numbers; huge or NaN ones fail as CPython converts them.
class Seconds(float):
    pass


class Whole(int):
    pass


timed = _thread.allocate_lock()
print(timed.acquire(timeout=Seconds(0.01)), timed.locked())
timed.release()
print(timed.acquire(True, Whole(1)))
timed.release()
for bad in [10**30, -10**30, 1e30, float("nan")]:
    try:
        timed.acquire(timeout=bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    timed.acquire(False, 10**30)
except OverflowError as e:
    print("non-blocking:", e)

# Arguments by position and by name count together.
for call in [lambda: timed.acquire(True, timeout=1, blocking=2), lambda: timed.acquire(1, blocking=0),
             lambda: timed.acquire(bogus=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(timed.acquire(timeout=0.01, blocking=True), timed.locked())
timed.release()
