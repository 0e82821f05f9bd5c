# collections.UserDict, UserList and UserString: wrappers over a .data attribute, subclassable.
from collections import UserDict, UserList, UserString
import collections.abc

d = UserDict({"x": 5}, y=6)
d["z"] = 7
print(d, len(d), d["x"], "y" in d, sorted(d), d.get("q", 0), d.data)
del d["y"]
print(d, d | {"w": 1}, {"v": 0} | d, isinstance(d, collections.abc.MutableMapping))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)


class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2


print(Defaulting(a=1)["bb"], Defaulting.fromkeys("ab", 0), d.copy() == d)

l = UserList([3, 1, 2])
l.append(0)
l.sort()
print(l, l[1:], type(l[1:]).__name__, l + [9], [8] + l, l * 2, 2 in l, l.index(2), l.pop())
l += (5, 6)
print(l, l == [0, 1, 2, 5, 6], l < [0, 2], len(l), list(reversed(l)))

s = UserString("Hello")
print(s, repr(s), s.upper(), s + "!", "!" + s, s * 2, s[1:3], "ell" in s, s.find("l"))
print(s.split("l"), s.replace("l", "L"), s == "Hello", hash(s) == hash("Hello"), int(UserString("42")))
print(s.center(11, "*"), s % () if "%" in s else s.zfill(8), s.encode(), len(s))
