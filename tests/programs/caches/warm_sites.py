# Attribute instructions that have run many times on one class (a warmed-up inline cache) must
# still see every change: to the class, its bases, the instance, and other classes at one site.


class Point:
    scale = 2
    label = "p"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def read_scale(p):
    return p.scale


def call_norm(p):
    return p.norm()


def set_x(p, v):
    p.x = v


def warm(p):
    for _ in range(50):
        read_x(p)
        read_scale(p)
        call_norm(p)
        set_x(p, p.x)


p = Point(3, -4)
warm(p)
print(read_x(p), read_scale(p), call_norm(p))

# The method replaced on the class after warm-up.
Point.norm = lambda self: "replaced norm"
print(call_norm(p))
del Point.norm
try:
    call_norm(p)
except AttributeError as e:
    print("AttributeError:", e)


def norm(self):
    return self.x * self.y


Point.norm = norm
print(call_norm(p))

# A class value changed, then shadowed on the instance, then a base of a new class.
Point.scale = 5
print(read_scale(p))
p.scale = 7
print(read_scale(p))
del p.scale
print(read_scale(p))

# Attributes deleted and added again: their place in the instance dict moves.
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError:", e)
set_x(p, 11)
print(read_x(p), list(p.__dict__))
for _ in range(3):
    set_x(p, read_x(p) + 1)
print(read_x(p), p.__dict__)

# Instances whose dicts hold the same names in another order, at one warmed site.
q = Point(0, 0)
q.__dict__.clear()
q.y = 1
q.x = 2
for obj in (p, q, p, q):
    set_x(obj, read_x(obj) * 2)
print(p.x, q.x, p.__dict__, q.__dict__)


# Many classes through one site, and a class freed and replaced by a new one.
def make_class(n):
    class Made:
        scale = n

        def __init__(self):
            self.x = n

        def norm(self):
            return "made %d" % n

    return Made


for n in range(5):
    obj = make_class(n)()
    warm(obj)
    print(read_x(obj), read_scale(obj), call_norm(obj))


# A data descriptor added to the class after warm-up wins over the instance dict; a
# non-data descriptor does not.
class Loud:
    def __get__(self, obj, owner):
        return "descriptor get"

    def __set__(self, obj, value):
        print("descriptor set", value)


class Quiet:
    def __get__(self, obj, owner):
        return "quiet get"


r = Point(1, 2)
warm(r)
Point.x = Loud()
print(read_x(r))
set_x(r, 99)
print(r.__dict__)
Point.x = Quiet()
print(read_x(r))
del r.x
print(read_x(r))
set_x(r, 5)
print(read_x(r))
del Point.x
print(read_x(r))


# A property on a base, added after the subclass's sites warmed up.
class Sub(Point):
    pass


s = Sub(1, 1)
warm(s)
Point.x = property(lambda self: "property x", lambda self, v: print("property set", v))
print(read_x(s))
set_x(s, 3)
del Point.x
print(read_x(s))

# __setattr__ and __getattribute__ added to a base after warm-up.
Point.__setattr__ = lambda self, name, v: object.__setattr__(self, name, ("set", v))
set_x(s, 4)
print(s.x)
del Point.__setattr__
Point.__getattribute__ = lambda self, name: "getattribute " + name
print(read_x(s), read_scale(s))
del Point.__getattribute__
print(read_x(s), read_scale(s))


# Exceptions: their own attributes and class values.
class Error(Exception):
    code = 3


def read_args(e):
    return e.args


def read_code(e):
    return e.code


err = Error(1, 2)
for _ in range(3):
    print(read_args(err), read_code(err))


# __slots__: no __dict__, stores still go where the slots are.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


sl = Slotted(1)
for i in range(3):
    set_x(sl, i)
    print(read_x(sl))
try:
    sl.z = 1
except AttributeError as e:
    print("AttributeError:", e)


# Class attributes that are containers are shared, as plain values.
class Registry:
    items = []


reg = Registry()
for i in range(3):
    reg.items.append(i)
print(Registry.items, reg.items is Registry.items)

# A base class's value changed after warm-up on the subclass.
class Base:
    kind = "base"


class Child(Base):
    pass


def read_kind(o):
    return o.kind


c = Child()
for _ in range(5):
    read_kind(c)
Base.kind = "changed base"
print(read_kind(c))
Child.kind = "child"
print(read_kind(c))
