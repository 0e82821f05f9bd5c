# weakref: references that do not keep objects alive, callbacks, proxies, weak containers.
import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name


c = C("c")
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r])
print(weakref.ref(c) is r, type(r).__name__)
print(r == weakref.ref(c), hash(r) == hash(c))
events = []
r2 = weakref.ref(c, lambda wr: events.append(("first", wr() is None)))
r3 = weakref.ref(c, lambda wr: events.append(("second", wr is r3)))
print(r2 is not r, r2 == r, weakref.getweakrefcount(c))
del c
print("after del:", r(), r2(), events)
print(r == r2, r == r)
try:
    hash(weakref.ref(C("gone")))
except TypeError as e:
    print("TypeError:", e)

for bad in (1, "s", [], {}, (), None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


for cls in (Slotted, SlottedWeak):
    try:
        weakref.ref(cls())
        print(cls.__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)


def f():
    return 1


print(weakref.ref(f)() is f, weakref.ref(C)() is C, weakref.ref({1})() is None)

# A callback of a weakref that died first is never called.
d = C("d")
weakref.ref(d, lambda wr: print("never"))
del d

# Cyclic garbage: weakrefs are cleared before the collector frees it.
gc.disable()
a = C("a")
a.me = a
ra = weakref.ref(a, lambda wr: print("callback for cycle, dead:", wr() is None))
del a
print("before collect", ra() is not None)
gc.collect()
print("after collect", ra())

# Proxies.
p_target = C("p")
p = weakref.proxy(p_target)
print(p.name, p.method())
p.name = "renamed"
print(p_target.name)
del p_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

# Weak containers.
wvd = weakref.WeakValueDictionary()
keep = C("kept")
wvd["kept"] = keep
wvd["temp"] = C("temp")
print(sorted(wvd.keys()), len(wvd), "temp" in wvd, wvd.get("kept").name)

wkd = weakref.WeakKeyDictionary()
k1, k2 = C("k1"), C("k2")
wkd[k1] = 1
wkd[k2] = 2
del k2
print(len(wkd), [k.name for k in wkd], wkd[k1])

ws = weakref.WeakSet()
m1, m2 = C("m1"), C("m2")
ws.add(m1)
ws.add(m2)
del m1
print(len(ws), [m.name for m in ws], m2 in ws)

# finalize
fz_target = C("fz")
fz = weakref.finalize(fz_target, print, "finalized", "fz")
print(fz.alive)
del fz_target
print(fz.alive)
fz2 = weakref.finalize(C("x"), print, "never kept")
called = weakref.finalize(keep, print, "called early")
called()
called()
print(called.alive)
wm = weakref.WeakMethod(keep.method)
print(wm()())
print("end")
