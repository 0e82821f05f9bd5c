# The descriptor protocol: __get__/__set__/__delete__, data vs non-data precedence,
# __set_name__, descriptors reached through the class, and property-like validators.
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be an int, not {type(value).__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class Point:
    x = Typed()
    y = Typed()
    label = NonData()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, p.__dict__)
p.x = 10
print(p.x)
try:
    p.y = "no"
except TypeError as e:
    print("TypeError:", e)
del p.x
print(p.x, "_x" in p.__dict__)
# a data descriptor wins over the instance dict, a non-data one loses to it
p.__dict__["x"] = "shadow"
print(p.x)
print(p.label)
p.label = "own"
print(p.label)
print(type(Point.x).__name__, Point.label)


class ClassLevel:
    def __get__(self, obj, objtype=None):
        return ("class" if obj is None else "instance", objtype.__name__)


class Holder:
    d = ClassLevel()


print(Holder.d, Holder().d)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Report:
    calls = 0

    @Lazy
    def total(self):
        Report.calls += 1
        return 42


r = Report()
print(r.total, r.total, Report.calls)


class Validated:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        if value < 0:
            raise ValueError("negative")
        self._v = value


obj = Validated()
obj.v = 3
print(obj.v)
try:
    obj.v = -1
except ValueError as e:
    print("ValueError:", e)
