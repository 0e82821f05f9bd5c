# Finalizers of objects in cycles run once, from the collector; resurrection is safe.
import gc

gc.disable()
gc.collect()


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = D(1)
a.me = a
del a
print("before collect")
print("found:", gc.collect() >= 1)
print("again:", gc.collect())

saved = []


class R:
    def __del__(self):
        print("R.__del__ resurrects", self.n)
        saved.append(self)


r = R()
r.n = 1
r.self = r
del r
gc.collect()
print("saved:", [s.n for s in saved])
saved.clear()
gc.collect()
print("no second __del__")


class Mutator:
    log = {}

    def __del__(self):
        # Mutating a dict and building a new cycle during a collection.
        Mutator.log[self.n] = [self.n] * 2
        c = []
        c.append(c)


for i in range(3):
    m = Mutator()
    m.n = i
    m.cycle = m
del m
gc.collect()
print(sorted(Mutator.log.items()))
print("last:", gc.collect() >= 0)
