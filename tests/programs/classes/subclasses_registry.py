# type.__subclasses__(): each class lists its live direct subclasses, in the order they
# were made, whichever way they were made; a subclass that dies leaves the list.
import gc


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(A.__subclasses__())
print(B.__subclasses__(), C.__subclasses__(), D.__subclasses__())

E = type("E", (A,), {})
print([c.__name__ for c in A.__subclasses__()])


class MyInt(int):
    pass


class MyList(list):
    pass


print(MyInt in int.__subclasses__(), MyList in list.__subclasses__())
print(bool in int.__subclasses__(), type in object.__subclasses__())
print(MyInt.__subclasses__())

del D
gc.collect()
print(B.__subclasses__(), C.__subclasses__())

del E
gc.collect()
print([c.__name__ for c in A.__subclasses__()])


# Made and dropped in a loop: the dead ones leave the list.
def make():
    class Temp(A):
        pass


for _ in range(50):
    make()
gc.collect()
print(len(A.__subclasses__()))


# __bases__ assignment moves the class from the old bases' lists to the new ones'.
class X:
    pass


class Y:
    pass


class Z(X):
    pass


Z.__bases__ = (Y,)
print(X.__subclasses__(), Y.__subclasses__())
