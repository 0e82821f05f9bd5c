# Each class's cached lookups are dropped when that class, a base, or its MRO changes, and
# only then: a class attribute changed in a loop leaves other classes' caches alone, and a
# change to a base reaches subclasses at any depth.


class Stats:
    count = 0


class Point:
    def __init__(self, x):
        self.x = x

    def double(self):
        return self.x * 2


def work(points):
    total = 0
    for p in points:
        Stats.count += 1
        total += p.double() + p.x
    return total


points = [Point(i) for i in range(10)]
print(work(points), work(points), Stats.count)


# Three levels deep, and a sibling.
class A:
    def who(self):
        return "A"

    colour = "red"


class B(A):
    pass


class C(B):
    pass


class Sibling(A):
    def who(self):
        return "Sibling"


def describe(obj):
    return obj.who(), obj.colour


objs = [A(), B(), C(), Sibling()]
for _ in range(3):
    print([describe(o) for o in objs])
A.who = lambda self: "new A"
A.colour = "blue"
print([describe(o) for o in objs])
B.colour = "green"
print([describe(o) for o in objs])
del B.colour
print([describe(o) for o in objs])


# A middle class's bases replaced: its subclasses' lookups follow.
class Left:
    def who(self):
        return "Left"


class Right:
    def who(self):
        return "Right"


class Middle(Left):
    pass


class Bottom(Middle):
    pass


bottom = Bottom()
for _ in range(3):
    print(bottom.who())
Middle.__bases__ = (Right,)
print(bottom.who(), Bottom.__mro__[2].__name__)


# Hooks added to a base after its subclasses' sites were specialised.
class Base:
    pass


class Derived(Base):
    def __init__(self):
        self.value = 1


def read_value(obj):
    return obj.value


def read_missing(obj):
    try:
        return obj.missing
    except AttributeError as e:
        return "AttributeError: %s" % e


def store_value(obj, v):
    obj.value = v
    return obj.__dict__.get("value")


d = Derived()
for _ in range(3):
    print(read_value(d), read_missing(d), store_value(d, 2))

Base.__getattr__ = lambda self, name: "from __getattr__: " + name
print(read_value(d), read_missing(d))

Base.value = property(lambda self: "property wins", lambda self, v: None)
print(read_value(d), store_value(d, 3))
del Base.value
print(read_value(d), store_value(d, 4))

Base.__setattr__ = lambda self, name, v: object.__setattr__(self, name, ("hooked", v))
print(store_value(d, 5))
del Base.__setattr__
print(store_value(d, 6))

Base.__getattribute__ = lambda self, name: "from __getattribute__: " + name
print(read_value(d), read_missing(d))
del Base.__getattribute__
print(read_value(d), read_missing(d))


# Class-level reads through a metaclass, with the metaclass changed.
class Meta(type):
    tag = "meta tag"


class WithMeta(metaclass=Meta):
    pass


def read_tag(cls):
    return cls.tag


for _ in range(3):
    print(read_tag(WithMeta))
Meta.tag = "new meta tag"
print(read_tag(WithMeta))
WithMeta.tag = "own tag"
print(read_tag(WithMeta))


# __slots__ classes: stores and reads through the slot descriptors, before and after a
# subclass adds a dict.
class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


class SlottedChild(Slotted):
    pass


def bump(obj):
    obj.a += 1
    return obj.a


s, sc = Slotted(), SlottedChild()
for _ in range(3):
    print(bump(s), bump(sc))
SlottedChild.a = "class a"
print(bump(s), sc.__dict__, SlottedChild.a)
