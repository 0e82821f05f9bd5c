# C.__bases__ = (...): the MRO of the class and of its subclasses is recomputed, and the
# attribute caches and operator dispatch follow it.


class OldBase:
    greeting = "old"

    def hello(self):
        return "OldBase.hello"

    def __add__(self, other):
        return "OldBase.__add__"


class NewBase:
    greeting = "new"

    def hello(self):
        return "NewBase.hello"


class C(OldBase):
    pass


class D(C):
    pass


d = D()


def probe():
    # Run often enough for the attribute sites to specialise.
    for _ in range(3):
        result = (d.hello(), d.greeting, D.greeting)
    try:
        added = d + 1
    except TypeError as e:
        added = "TypeError: " + str(e)
    return result + (added,)


print(probe())
C.__bases__ = (NewBase,)
print(C.__bases__, C.__mro__)
print(D.__mro__)
print(probe())
C.__bases__ = (OldBase,)
print(probe())
print(isinstance(d, OldBase), isinstance(d, NewBase), issubclass(D, NewBase))


# Multiple bases, and an MRO change three levels down.
class P:
    def who(self):
        return "P"


class Q:
    def who(self):
        return "Q"


class R(P):
    pass


class S(R):
    pass


class T(S):
    pass


t = T()
print(t.who())
R.__bases__ = (Q, P)
print(T.__mro__)
print(t.who())


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)


class A:
    pass


class B(A):
    pass


class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


def assign(cls, bases):
    def run():
        cls.__bases__ = bases

    return run


attempt("to object", assign(B, (object,)))
attempt("from object", assign(Plain, (A,)))
attempt("int layout", assign(Plain, (int,)))
attempt("slots layout", assign(B, (Slotted,)))
attempt("empty", assign(Plain, ()))
attempt("list", assign(Plain, [A]))
attempt("non-class", assign(Plain, (1,)))
attempt("cycle", assign(A, (B,)))
attempt("immutable", assign(int, (object,)))


class M1:
    pass


class M2:
    pass


class N1(M1, M2):
    pass


class N2(M2, M1):
    pass


class Both(N1):
    pass


attempt("inconsistent MRO", assign(Both, (N1, N2)))
print(Both.__bases__, Both.__mro__)


def delete():
    del Plain.__bases__


attempt("delete", delete)
