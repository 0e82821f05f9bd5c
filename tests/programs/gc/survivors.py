# A collection never frees what is still reachable: generators suspended mid-frame, closures'
# cells, bound methods, module globals, exceptions kept, another thread's stack.
import gc
import threading


class Box:
    def __init__(self, v):
        self.v = v
        self.me = self

    def get(self):
        return self.v


def gen():
    b = Box(1)
    yield "started"
    yield b.get() + 1


g = gen()
next(g)


def make():
    b = Box(5)

    def inner():
        return b.v

    return inner


f = make()
bm = Box(9).get
GLOBAL = Box(13)
try:
    raise KeyError(Box(17))
except KeyError as e:
    kept = e

ready = threading.Event()
go = threading.Event()
out = []


def worker():
    b = Box(11)
    ready.set()
    go.wait()
    out.append(b.get())


t = threading.Thread(target=worker)
t.start()
ready.wait()
for generation in (0, 1, 2, 2):
    gc.collect(generation)
go.set()
t.join()
print(next(g), f(), bm(), GLOBAL.get(), kept.args[0].get(), out)

# Lots of garbage cycles mixed with live ones, over automatic collections.
live = []
for i in range(20000):
    c = Box(i)
    if i % 1000 == 0:
        live.append(c)
print([b.get() for b in live][:5], len(live), sum(b.me.v for b in live))
