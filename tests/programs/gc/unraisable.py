# sys.unraisablehook: exceptions nobody can catch (__del__, weakref and gc callbacks,
# atexit callbacks, threads started by _thread) go to the hook; the default writes
# "Exception ignored in: ..." to sys.stderr, wherever sys.stderr points.
import _thread
import atexit
import gc
import io
import re
import sys
import weakref


def captured(action):
    "What the default hook writes to sys.stderr during `action`, addresses masked."
    old = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        action()
    finally:
        sys.stderr = old
    print(re.sub(r" at 0x[0-9a-f]+", " at ADDR", buf.getvalue()), end="")


class Boom(Exception):
    pass


class Quiet(Exception):
    def __str__(self):
        raise TypeError("no str")


class Elsewhere(Exception):
    pass


Elsewhere.__module__ = "mymod"


class Raises:
    def __init__(self, exc):
        self.exc = exc

    def __del__(self):
        raise self.exc


def drop(exc):
    obj = Raises(exc)
    del obj


print("-- default hook, refcount finalizer")
captured(lambda: drop(Boom("in del")))
captured(lambda: drop(ValueError()))
captured(lambda: drop(Quiet()))
captured(lambda: drop(Elsewhere("far")))


def cyclic_del():
    obj = Raises(Boom("in a cycle"))
    obj.me = obj
    del obj
    gc.collect()


print("-- default hook, collector finalizer")
captured(cyclic_del)


class Target:
    pass


def weak_callback(ref):
    raise KeyError("callback")


def weakref_dies():
    target = Target()
    ref = weakref.ref(target, weak_callback)
    del target
    return ref


print("-- weakref callback")
captured(weakref_dies)


def gc_callback(phase, info):
    raise RuntimeError(phase)


def with_gc_callback():
    gc.callbacks.append(gc_callback)
    gc.collect()
    gc.callbacks.remove(gc_callback)


print("-- gc callbacks")
captured(with_gc_callback)

print("-- a hook of our own")
seen = []


def hook(args):
    # print first: the main thread waits for `seen` to grow, then prints after this line
    print("hook:", type(args).__name__, len(args), args.exc_type.__name__,
          repr(args.exc_value), args.err_msg, type(args.object).__name__,
          getattr(args.object, "__qualname__", None))
    seen.append(args)


print(sys.__unraisablehook__ is sys.unraisablehook)
sys.unraisablehook = hook
drop(Boom("hooked"))
weakref_dies()
print(seen[0][0] is seen[0].exc_type, seen[0][4] is seen[0].object)

print("-- a hook that raises")


def bad_hook(args):
    raise KeyError("bad hook")


sys.unraisablehook = bad_hook
captured(lambda: drop(Boom("lost")))

print("-- None means the default")
sys.unraisablehook = None
captured(lambda: drop(Boom("default again")))
del sys.unraisablehook
captured(lambda: drop(Boom("no hook at all")))

print("-- the default hook called directly")
sys.unraisablehook = sys.__unraisablehook__
captured(lambda: sys.__unraisablehook__(seen[0]))
try:
    sys.__unraisablehook__((1, 2, 3, 4, 5))
except TypeError as exc:
    print("TypeError:", exc)

print("-- a thread started by _thread")
sys.unraisablehook = hook
done = _thread.allocate_lock()
done.acquire()


def thread_body():
    try:
        raise Boom("in thread")
    finally:
        done.release()


_thread.start_new_thread(thread_body, ())
done.acquire()
# the thread reports after its function returns: wait for it to finish reporting
import time
for _ in range(2000):
    if len(seen) >= 3:
        break
    time.sleep(0.01)


def at_exit():
    raise Boom("at exit")


atexit.register(at_exit)
print("-- end of the script; atexit follows")
