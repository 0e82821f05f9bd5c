# Cycles that reference counting alone cannot free, and the gc module's controls.
import gc

gc.disable()
gc.collect()
print(gc.isenabled(), gc.get_threshold())

l = []
l.append(l)
del l
print("self-containing list:", gc.collect())

d = {}
d["self"] = d
del d
print("self-containing dict:", gc.collect())

a = [1]
b = [a]
a.append(b)
del a, b
print("two lists:", gc.collect())


class Node:
    def __init__(self, name):
        self.name = name


x = Node("x")
y = Node("y")
x.other = y
y.other = x
del x, y
print("two instances found:", gc.collect() >= 2)
print("nothing left:", gc.collect())

held = []
held.append(held)
print("held from outside:", gc.collect(), len(held))
print("collect(0) of nothing:", gc.collect(0))

print(gc.is_tracked([]), gc.is_tracked(Node("n")), gc.is_tracked(0), gc.is_tracked("s"))
print(gc.is_tracked(gc.collect), gc.is_tracked(Node))

gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()))
gc.enable()
print(gc.isenabled())

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)

seen = []


def callback(phase, info):
    seen.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(callback)
gc.collect(1)
gc.callbacks.remove(callback)
print(seen)
print(gc.garbage)

node = Node("r")
print(any(o is node for o in gc.get_referents(node.__dict__)))
lst = [node]
print(any(r is lst for r in gc.get_referrers(node)))
