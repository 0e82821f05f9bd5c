# Whether releasing an instance runs `__del__` follows the class as it changes: a `__del__`
# added or removed after instances were freed (on the class, on a base, by setattr, by
# `__bases__` assignment), `__class__` assignment, and resurrection in `__del__`.
class A:
    pass


class B(A):
    pass


def churn(cls, tag):
    # Enough releases that any per-class answer about `__del__` is settled before a change.
    for i in range(3):
        cls().n = f"{tag}{i}"



churn(B, "b")
print("no __del__ yet")


def say(self):
    print("del", type(self).__name__, self.n)


A.__del__ = say
churn(B, "base-added")
churn(A, "a")
del A.__del__
churn(B, "base-removed")
print("removed from the base")

setattr(B, "__del__", say)
churn(B, "setattr")
churn(A, "a-none")
delattr(B, "__del__")
churn(B, "delattr")
print("removed by delattr")


class Other:
    def __del__(self):
        print("Other.__del__", self.n)


class Plain:
    pass


p = Plain()
p.n = "was plain"
churn(Plain, "plain")
p.__class__ = Other
del p
q = Other()
q.n = "was other"
q.__class__ = Plain
del q
print("class assignment done")


class Mixin:
    def __del__(self):
        print("Mixin.__del__", self.n)


class C:
    pass


class D(C):
    pass


churn(D, "d")
D.__bases__ = (Mixin,)
churn(D, "rebased")
D.__bases__ = (C,)
churn(D, "back")
print("bases done")

saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Phoenix.__del__", self.n)
        saved.append(self)


Phoenix(1)
Phoenix(2)
print("resurrected", [x.n for x in saved])
saved.clear()
print("freed again: no second __del__")


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


churn(WithMeta, "m")
WithMeta.__del__ = say
churn(WithMeta, "meta")
print("end")
