# The built-in types' class-level constructors called on a subclass make an instance of
# the subclass, as CPython's class methods do.
import collections


class MyDict(dict):
    pass


class LoudDict(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)


class MyBytes(bytes):
    pass


class MyByteArray(bytearray):
    pass


class MyInt(int):
    pass


class MyFloat(float):
    pass


for made in (
    MyDict.fromkeys("ab", 0),
    LoudDict.fromkeys([1, 2]),
    MyBytes.fromhex("4142"),
    MyByteArray.fromhex("41 42"),
    bytearray.fromhex("43"),
    MyInt.from_bytes(b"\x01\x02", "big"),
    bool.from_bytes(b"\x01", "little"),
    MyFloat.fromhex("0x1.8p1"),
    dict.fromkeys("xy"),
):
    print(type(made).__name__, repr(made))

Point = collections.namedtuple("Point", "x y")


class Point3(Point):
    __slots__ = ()

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Tally(collections.Counter):
    pass


class Ordered(collections.OrderedDict):
    pass


class Default(collections.defaultdict):
    pass


print(Point3(1, -2), Point3(1, -2).norm1(), Point(3, 4))
print(Tally("abb"), Ordered(a=1), Ordered(), Default(list, k=[1]))
