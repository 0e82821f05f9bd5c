# What a class's __dict__ holds besides the body's names: the __dict__ and __weakref__
# descriptors where its instances gain them, __module__, __doc__; and __qualname__, kept
# apart from the namespace, shown by repr once assigned.
import weakref


class C:
    x = 1


class D(C):
    pass


class E(Exception):
    pass


class S:
    __slots__ = ("a", "__dict__")


class W:
    __slots__ = ("__weakref__",)


class L(list):
    "A list."


for cls in (C, D, E, S, W, L):
    print(cls.__name__, list(cls.__dict__))

print("__dict__" in C.__dict__, "__dict__" in D.__dict__, "__dict__" in L.__dict__)
c = C()
c.y = 2
print(C.__dict__["__dict__"].__get__(c), c.__dict__)
print(C.__dict__["__weakref__"].__get__(c))
r = weakref.ref(c)
print(C.__dict__["__weakref__"].__get__(c) is r)
print(C.__dict__.get("missing", "default"), C.__dict__.get("x"))
try:
    C.__dict__["missing"]
except KeyError as e:
    print("KeyError", e.args)

C.__qualname__ = "Outer.Renamed"
print(C, C.__qualname__, C.__name__, "__qualname__" in C.__dict__)
print(repr(C()).split(" object")[0])
try:
    C.__qualname__ = 5
except TypeError as e:
    print("TypeError:", e)

C.__module__ = "pkg.mod"
print(C, repr(C()).split(" object")[0])


class Meta(type):
    pass


print(type.__prepare__(), int.__prepare__("x", (), k=1), Meta.__prepare__("M", ()))
