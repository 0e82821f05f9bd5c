registry = {}


def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls


def with_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"

    cls.__repr__ = __repr__
    return cls


@register
@with_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


@register
class Plain:
    pass


print(sorted(registry))
print(registry["point"](1, "two"))
print(Point(0, [1, 2]))
print(registry["plain"] is Plain)


class Outer:
    class Inner:
        def hello(self):
            return "inner hello"

    def make(self):
        return self.Inner()


print(Outer().make().hello(), Outer.Inner.__qualname__)
