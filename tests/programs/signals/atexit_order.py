# atexit: callbacks run last-registered first, after the main module ends and after its
# non-daemon threads are joined; an exception in one is printed and the others still run.
import atexit
import threading
import time


class Callback:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __repr__(self):
        return "<callback " + self.name + ">"

    def __call__(self, *args, **kwargs):
        print("callback", self.name, args, sorted(kwargs.items()))
        if self.fail:
            raise ValueError("boom in " + self.name)


@atexit.register
def decorated():
    print("decorated runs last")


print(atexit.register(Callback("first"), 1, 2, key="v"))
atexit.register(Callback("failing", fail=True))
gone = Callback("unregistered")
atexit.register(gone)
atexit.register(gone)
atexit.unregister(gone)
atexit.register(Callback("last"))

try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)


def worker():
    time.sleep(0.05)
    print("thread finished before the callbacks")


threading.Thread(target=worker).start()
print("main module ends")
