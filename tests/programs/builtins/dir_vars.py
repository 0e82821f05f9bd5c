# dir() and vars(): scopes, modules, classes (with their bases), instances, __dir__.
import math

print("sqrt" in dir(math), dir(math) == sorted(dir(math)))


class Base:
    base_attr = 1

    def base_method(self):
        pass


class Child(Base):
    child_attr = 2

    def __init__(self):
        self.inst_attr = 3


def public(names):
    return [n for n in names if not n.startswith("__")]


print(public(dir(Child)), public(dir(Child())), public(dir(Base)))
print(vars(Child()), sorted(public(vars(Child))))


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Custom()))


def scope():
    a = 1
    b = 2
    return dir(), vars()


print(scope())
top = dir()
print("Base" in top, "scope" in top, top == sorted(top))
print(vars() is globals())
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
