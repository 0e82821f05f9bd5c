# __init_subclass__ (with keywords), __class_getitem__, __instancecheck__/__subclasscheck__,
# class decorators, super() forms, exception subclasses calling the base __init__.
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry), Csv.plugin_name, Json.plugin_name)
try:
    class Bad(Csv, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class Even(metaclass=EvenMeta):
    pass


print(isinstance(4, Even), isinstance(3, Even), isinstance("x", (str, Even)), issubclass(bool, Even), issubclass(int, Even))


def add_repr(cls):
    cls.__repr__ = lambda self: f"<{cls.__name__} {vars(self)}>"
    return cls


@add_repr
class Thing:
    def __init__(self):
        self.a = 1


print(Thing())


class A:
    def who(self):
        return "A"

    @classmethod
    def make(cls):
        return cls.__name__


class B(A):
    def who(self):
        return "B>" + super().who()

    @classmethod
    def make(cls):
        return "B>" + super().make()


class C(B):
    def who(self):
        return "C>" + super(C, self).who() + "|" + super(B, self).who()

    @classmethod
    def make(cls):
        return "C>" + super(C, cls).make()


print(C().who(), C.make(), super(B, C()).who())


class AppError(ValueError):
    def __init__(self, code, detail):
        ValueError.__init__(self, f"{code}: {detail}")
        self.code = code


class OtherError(KeyError):
    def __init__(self, key):
        super().__init__(key, "extra")


e = AppError(404, "missing")
print(e.args, str(e), e.code, OtherError("k").args)
try:
    raise AppError(500, "boom")
except ValueError as err:
    print(type(err).__name__, err)
