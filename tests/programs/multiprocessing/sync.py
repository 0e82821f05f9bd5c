# Locks shared across fork (POSIX semaphores underneath): Lock, RLock, Semaphore,
# BoundedSemaphore, Event, Condition.
import multiprocessing as mp


def try_lock(lock, out):
    out.put(("child got the held lock", lock.acquire(timeout=0.2)))


def set_event(ev):
    ev.set()


def count_down(sem, out):
    got = 0
    while sem.acquire(block=False):
        got += 1
    out.put(("child took", got))


def notify(cond, flag):
    with cond:
        flag.set()
        cond.notify_all()


if __name__ == "__main__":
    out = mp.SimpleQueue()
    lock = mp.Lock()
    lock.acquire()
    p = mp.Process(target=try_lock, args=(lock, out))
    p.start()
    p.join()
    print(out.get())
    lock.release()
    p = mp.Process(target=try_lock, args=(lock, out))
    p.start()
    p.join()
    print(out.get())
    try:
        lock.release()
    except ValueError as exc:
        print("ValueError:", exc)

    rlock = mp.RLock()
    with rlock:
        with rlock:
            print("reentered")
    try:
        rlock.release()
    except AssertionError as exc:
        print("AssertionError:", exc)

    ev = mp.Event()
    print("event set:", ev.is_set())
    p = mp.Process(target=set_event, args=(ev,))
    p.start()
    print("waited:", ev.wait(10))
    p.join()

    sem = mp.Semaphore(3)
    p = mp.Process(target=count_down, args=(sem, out))
    p.start()
    p.join()
    print(out.get(), "left:", sem.get_value())
    sem.release()
    print("after release:", sem.get_value())

    bounded = mp.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as exc:
        print("ValueError:", exc)

    cond = mp.Condition()
    flag = mp.Event()
    with cond:
        p = mp.Process(target=notify, args=(cond, flag))
        p.start()
        print("notified:", cond.wait_for(flag.is_set, 10))
    p.join()
    print("exit codes fine:", p.exitcode == 0)
