class Lazy:
    """A non-data descriptor: the instance's own attribute wins once set."""

    def __init__(self, func):
        self.func = func

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        print("Lazy.__get__", type(obj).__name__, owner.__name__)
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Typed:
    """A data descriptor: it goes before the instance's attributes."""

    def __get__(self, obj, owner=None):
        return "typed-get"

    def __set__(self, obj, value):
        raise AttributeError("read only")


class Thing:
    kind = Typed()

    def __init__(self):
        self.n = 3

    @Lazy
    def square(self):
        return self.n * self.n


t = Thing()
print(t.square, t.square, t.__dict__)
print(t.kind)
t.__dict__["kind"] = "shadow"
print(t.kind)
print(type(Thing.__dict__["square"]).__name__)
