# Warm method and class-attribute caches (the site keeps the function or value it found, valid
# while the class is unchanged): every change after many hits must be seen by the next run.
import gc


def call_m(obj):
    return obj.m()


def read_m(obj):
    f = obj.m
    return f()


def read_const(obj):
    return obj.CONST


def warm(fn, obj, n=50):
    for _ in range(n):
        r = fn(obj)
    return r


class Base:
    CONST = 1

    def m(self):
        return "Base.m"


class Sub(Base):
    pass


s = Sub()
print(warm(call_m, s), warm(read_m, s), warm(read_const, s))

# Monkey-patching the base, then the subclass, then deleting.
Base.m = lambda self: "patched Base.m"
print(call_m(s), read_m(s))
Sub.m = lambda self: "Sub.m"
print(warm(call_m, s), warm(read_m, s))
del Sub.m
print(call_m(s), read_m(s))
Base.CONST = 2
print(read_const(s))
Sub.CONST = 3
print(read_const(s), read_const(Base()))
del Sub.CONST

# Instance attributes shadowing the method and the constant, through setattr and __dict__.
s.m = lambda: "instance m"
print(warm(call_m, s), warm(read_m, s))
del s.m
print(call_m(s), read_m(s))
s.__dict__["m"] = lambda: "dict m"
print(call_m(s), read_m(s))
s.__dict__.clear()
print(call_m(s), read_m(s))
s.CONST = "own"
print(read_const(s))
del s.CONST
print(read_const(s))


# Shared-key instances: one shadows the method after others warmed the site.
class Point:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "Point.m %d" % self.x


pts = [Point(i) for i in range(5)]
for p in pts:
    warm(call_m, p, 10)
pts[3].m = lambda: "own m of 3"
print([call_m(p) for p in pts])
print([read_m(p) for p in pts])
late = Point(9)
late.y = 1
late.m = lambda: "late own m"
print(call_m(late), call_m(Point(7)))


# Data and non-data descriptors added to the class after warm hits.
class Desc:
    def __init__(self):
        self.m = lambda: "plain"


d = Desc()
print(warm(call_m, d), warm(read_m, d))
Desc.m = property(lambda self: lambda: "from property")
print(call_m(d), read_m(d))
del Desc.m


class NonData:
    def __get__(self, obj, cls):
        return lambda: "non-data descriptor"


class WithNonData:
    m = NonData()


w = WithNonData()
print(warm(call_m, w), warm(read_m, w))
w.m = lambda: "instance wins over non-data"
print(call_m(w), read_m(w))


# staticmethod and classmethod replacing a plain method.
class Kinds:
    def m(self):
        return "plain"

    CONST = "k"


k = Kinds()
print(warm(call_m, k), warm(read_m, k))
Kinds.m = staticmethod(lambda: "static")
print(warm(call_m, k), warm(read_m, k))
Kinds.m = classmethod(lambda cls: "class " + cls.__name__)
print(warm(call_m, k), warm(read_m, k))


# __getattribute__ and __getattr__ added after warm hits.
class Hooked:
    CONST = "hooked const"

    def m(self):
        return "Hooked.m"


h = Hooked()
print(warm(call_m, h), warm(read_m, h), warm(read_const, h))
Hooked.__getattribute__ = lambda self, name: (lambda: "hook " + name) if name == "m" else "hook"
print(call_m(h), read_m(h), read_const(h))
del Hooked.__getattribute__
Hooked.__getattr__ = lambda self, name: "fallback"
print(call_m(h), read_m(h), read_const(h))


# __class__ assignment moves an instance to a class with other methods.
class Other:
    CONST = "other const"

    def m(self):
        return "Other.m"


b = Base()
print(warm(call_m, b), warm(read_const, b))
b.__class__ = Other
print(call_m(b), read_m(b), read_const(b))
b.__class__ = Base
print(call_m(b), read_const(b))


# __slots__ classes.
class Slotted:
    __slots__ = ("m",)
    CONST = "slotted const"


sl = Slotted()
sl.m = lambda: "slot m"
print(warm(call_m, sl), warm(read_m, sl), warm(read_const, sl))


class SlotMethods:
    __slots__ = ("v",)

    def m(self):
        return "slot method %d" % self.v


sm = SlotMethods()
sm.v = 4
print(warm(call_m, sm), warm(read_m, sm))
SlotMethods.m = lambda self: "patched slot method %d" % self.v
print(call_m(sm), read_m(sm))


# A metaclass's attributes are not the instance's.
class Meta(type):
    CONST = "meta const"

    def m(cls):
        return "Meta.m"


class WithMeta(metaclass=Meta):
    def m(self):
        return "WithMeta.m"


wm = WithMeta()
print(warm(call_m, wm), warm(read_const, WithMeta), warm(call_m, WithMeta) if False else "")
try:
    read_const(wm)
except AttributeError as e:
    print("AttributeError:", e)


# Exceptions: instance data answers before the class.
class Err(Exception):
    def m(self):
        return "Err.m %r" % (self.args,)


e = Err(1, 2)
print(warm(call_m, e), warm(read_m, e))


# Classes freed (in a cycle, by the collector) and made again at the same sites.
def make(tag):
    class Temp:
        def m(self):
            return "Temp.m " + tag

        CONST = tag

    Temp.self_ref = Temp
    return Temp()


for i in range(20):
    t = make(str(i))
    r = (warm(call_m, t, 5), warm(read_m, t, 5), warm(read_const, t, 5))
    del t
    gc.collect()
print(r)


# Methods of built-in types at warm sites, with values of other types and subclasses.
def get(d, k):
    return d.get(k, 0)


def append(lst, x):
    lst.append(x)
    return len(lst)


d = {"a": 1}
print(warm(lambda d: get(d, "a"), d), get(d, "b"))


class MyDict(dict):
    def get(self, k, default=None):
        return "MyDict.get %s" % k


print(get(MyDict(a=1), "a"))


class Getter:
    def get(self, k, default):
        return "Getter.get %s %s" % (k, default)


print(get(Getter(), "z"), get(d, "a"))
lst = []
print(warm(lambda x: append(lst, x), 1), append([1, 2], 3))
try:
    append((1,), 2)
except AttributeError as e:
    print("AttributeError:", e)


class MyList(list):
    def append(self, x):
        list.append(self, x * 10)


ml = MyList()
append(ml, 1)
print(ml)
