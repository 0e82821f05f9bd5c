# A combinatoric count no index fits is an OverflowError, one no memory holds a MemoryError,
# raised when the iterator is made, as CPython does; _thread's TIMEOUT_MAX is CPython's.
import _thread
import itertools
import threading

for factory in (
    itertools.combinations,
    itertools.combinations_with_replacement,
    itertools.permutations,
):
    for r in (2**64, 2**63, 2**62, 2**44):
        try:
            factory(range(5), r)
        except (OverflowError, MemoryError) as e:
            print(factory.__name__, r, type(e).__name__, e)
        else:
            print(factory.__name__, r, "made")
    print(list(factory("abc", 2))[:4], list(factory("ab", 3)))
print(list(itertools.combinations_with_replacement("", 0)), list(itertools.combinations_with_replacement("", 2)))

print(_thread.TIMEOUT_MAX, threading.TIMEOUT_MAX)
lock = _thread.allocate_lock()
print(lock.acquire(timeout=_thread.TIMEOUT_MAX))
lock.release()
for timeout in (_thread.TIMEOUT_MAX + 0.5, _thread.TIMEOUT_MAX * 2):
    try:
        print(lock.acquire(timeout=timeout))
        lock.release()
    except OverflowError as e:
        print("OverflowError:", e)
