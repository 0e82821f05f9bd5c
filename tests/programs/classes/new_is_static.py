# A class's `__new__` is stored as a static method (as CPython's type_new makes it), and the
# built-in types' `__new__` are named by their type.


class C:
    def __new__(cls, *args):
        print("C.__new__", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, *args):
        self.args = args


class D(C):
    pass


print(type(C.__dict__["__new__"]).__name__, C.__new__.__qualname__)
print(type(C(1)).__name__, D(2, 3).args, D.__new__ is C.__new__)
print(object.__new__.__qualname__, type.__new__.__qualname__, int.__new__.__qualname__)
print(type(C.__new__(D)).__name__)
