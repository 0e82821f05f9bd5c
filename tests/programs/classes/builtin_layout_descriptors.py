# The descriptors of built-in layouts: getset descriptors (computed attributes of built-in
# types) and member descriptors (`__slots__` entries), with their names, owners and checks.
import types

print(type(Exception.args).__name__, BaseException.args)
print(BaseException.args.__qualname__, Exception.args.__qualname__)
print(SyntaxError.msg.__qualname__, OSError.errno.__qualname__, StopIteration.value)
print(Exception.args.__objclass__, Exception.args.__name__)
print(Exception.args.__get__(ValueError(1, 2)))
print(Exception.args.__get__(None, ValueError) is not None)
e = KeyError("k")
Exception.args.__set__(e, ("x", "y"))
print(e.args)
try:
    BaseException.args.__get__(42)
except TypeError as err:
    print("TypeError:", err)

d = type.__dict__["__dict__"]
print(d, type(d), d.__objclass__ is type)
print(type(d).__objclass__, type(type(d).__objclass__).__name__)
print(types.GetSetDescriptorType is type(d), types.MemberDescriptorType)
try:
    d.__set__(int, {})
except AttributeError as err:
    print("AttributeError:", err)


class Meta(type):
    pass


print("__dict__" in Meta.__dict__, sorted(k for k in Meta.__dict__ if k != "__doc__"))


class Point:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


print(Point.x, type(Point.x).__name__, Point.x.__objclass__ is Point)
print(Point.x.__qualname__, Point.x.__get__(Point()))
p = Point()
Point.y.__set__(p, 5)
print(p.y)
try:
    Point().y
except AttributeError as err:
    print("AttributeError:", err)


class Wide:
    __slots__ = ("a", "b", "c")


class Narrow:
    __slots__ = ("only",)


Narrow.borrowed = Wide.__dict__["c"]
n = Narrow()
for _ in range(3):
    for action in (lambda: n.borrowed, lambda: setattr(n, "borrowed", 1), lambda: delattr(n, "borrowed")):
        try:
            action()
        except TypeError as err:
            print("TypeError:", err)

# Other built-in types' slots and hooks.
print(type(None).__bool__(None), None.__bool__())
print(type.__subclasshook__.__qualname__, object.__subclasshook__.__qualname__)
print(int.__subclasshook__.__qualname__, type.__subclasshook__(int))
print(bytearray.maketrans.__qualname__, bytes.maketrans(b"ab", b"xy")[96:100])
print(bytearray.maketrans(bytearray(b"a"), memoryview(b"z"))[97])
for bad in [(b"a", b"bc"), ("a", b"b"), (b"a",)]:
    try:
        bytes.maketrans(*bad)
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
for value in [bytearray(), bytearray(b"x")]:
    try:
        hash(value)
    except TypeError as err:
        print("TypeError:", err)
print(bytearray.__hash__)


# A metaclass with a plain mixin base reaches the mixin's `__dict__` descriptor first.
class Mixin:
    pass


class MixedMeta(Mixin, type):
    pass


class Made(metaclass=MixedMeta):
    attr = 1


print("__dict__" in Mixin.__dict__, Made.__dict__["attr"], "_final_" in Made.__dict__)
