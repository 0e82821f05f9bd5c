# __slots__: no __dict__, AttributeError on other names, slot descriptors on the class,
# inheritance with and without slots, __dict__ in __slots__.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p.y, "x" in P.__dict__)


class Q(P):
    __slots__ = ("z",)


q = Q(1, 2)
q.z = 3
print(q.x, q.z, hasattr(q, "__dict__"))
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)


class Open(P):
    pass


o = Open(1, 2)
o.anything = 1
print(o.anything, o.__dict__)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)


class Single:
    __slots__ = "only"


s = Single()
s.only = 1
print(s.only)
try:
    class Clash:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)

# A name given twice is one slot, as CPython takes it (datetime's date.__slots__ + time.__slots__).
class Twice:
    __slots__ = ('a', 'b', 'a')
t = Twice()
t.a = 1
print(t.a, Twice.__slots__)
