# Instances share their class's attribute names until something the shared layout cannot
# describe happens; every one of these must still behave as a plain dict would.
import copy
import pickle


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


# Attributes added in different orders keep each instance's own order.
p, q = P(1, 2), P(3, 4)
r = P.__new__(P)
r.b = 5
r.a = 6
print(vars(p), vars(q), vars(r), r.total())
q.c = 7
p.d = 8
print(list(vars(p)), list(vars(q)), p.d, q.c)
print(hasattr(p, "c"), hasattr(q, "d"))

# Deleting: the last attribute, a middle one, then adding back (it goes last).
s = P(1, 2)
s.c = 3
del s.c
print(vars(s))
s.c = 4
del s.a
print(vars(s))
s.a = 9
print(vars(s), s.total())
try:
    del s.zz
except AttributeError as e:
    print("AttributeError", e)
try:
    s.zz
except AttributeError as e:
    print("AttributeError", e)

# A loop reading and writing through the same instruction, across instances of both shapes.
objs = [P(i, i + 1) for i in range(4)] + [r, s]
for _ in range(3):
    for o in objs:
        o.a = o.a + 1
print([o.total() for o in objs])

# __dict__ mutated directly, also with a non-str key, and read back through attributes.
t = P(1, 2)
d = t.__dict__
d["c"] = 3
d[42] = "int key"
print(t.c, t.__dict__ is d, vars(t))
del d["a"]
print(hasattr(t, "a"), vars(t))
t.a = 10
print(d["a"], list(d))
d.clear()
print(vars(t), hasattr(t, "b"))
t.x = 1
print(d)
setattr(t, "not an identifier", 2)
print(getattr(t, "not an identifier"), vars(t))

# Many attributes: more than any shared table holds.
class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "attr%d" % i, i)


m1, m2 = Many(40), Many(45)
print(sum(vars(m1).values()), m2.attr44, m2.attr0, len(vars(m2)))
m1.attr3 = "three"
print(m1.attr3, list(vars(m1))[:5])

# Names made at run time (equal to, but not the same object as, the class's names).
u = P(1, 2)
setattr(u, "".join(["c"]), 3)
print(u.c, sorted(vars(u)), getattr(u, "".join(["a"])))
name = "".join(["to", "tal2"])
setattr(u, name, 5)
print(getattr(u, "total2"), u.total2)


# __slots__ with __dict__, and a subclass that adds attributes.
class Slotted:
    __slots__ = ("x", "__dict__")

    def __init__(self):
        self.x = 1
        self.y = 2


class Sub(P):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c


v = Slotted()
print(v.x, v.y, vars(v))
w = Sub(1, 2, 3)
print(vars(w), w.total(), isinstance(w, P))


# Subclasses of built-in types keep their attributes beside the value.
class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([1, 2])
ml.tag = "t"
md = MyDict(a=1)
md.tag = "u"
print(ml, ml.tag, vars(ml), md, md.tag, vars(md))

# Copies and pickles.
c1 = copy.copy(p)
c2 = copy.deepcopy(q)
c2.c = 70
print(vars(c1), vars(c2), vars(q))
c3 = pickle.loads(pickle.dumps(r))
print(type(c3).__name__, vars(c3), c3.total())
c4 = copy.deepcopy(w)
print(vars(c4), c4.total())

# A method shadowed by an instance attribute, before and after the attribute is set.
class M:
    def f(self):
        return "method"


insts = [M(), M(), M()]
insts[1].f = lambda: "attribute"
print([i.f() for i in insts])
del insts[1].f
print([i.f() for i in insts])

# Cycles through instance attributes are collected.
import gc


class Node:
    def __init__(self):
        self.other = None


def make_cycle():
    a, b = Node(), Node()
    a.other, b.other = b, a


gc.collect()
make_cycle()
print(gc.collect() >= 2)

# __dict__ replaced, deleted, set to something else.
x = P(1, 2)
x.__dict__ = {"y": 2}
print(x.__dict__, getattr(x, "y", None), hasattr(x, "a"))
x.z = 3
print(x.__dict__)
try:
    x.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
del x.__dict__
print(vars(x), hasattr(x, "y"))
x.a, x.b = 4, 5
print(x.total(), vars(x))
setattr(x, "__dict__", {"a": 10, "b": 20})
print(x.total())
shared = {"a": 1, "b": 1}
y1, y2 = P.__new__(P), P.__new__(P)
y1.__dict__ = shared
y2.__dict__ = shared
y1.a = 100
print(y2.total(), shared)


class OnlySlots:
    __slots__ = ("a",)


try:
    OnlySlots().__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
