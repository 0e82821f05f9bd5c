# isinstance answers True for an object's own class before any __instancecheck__; a
# __getattribute__ set on a class after it was made is used, and deleting it stops that;
# object() has no __dict__, and built-in types refuse attribute deletion.


class Never(type):
    def __instancecheck__(cls, instance):
        return False


class N(metaclass=Never):
    pass


class M(N):
    pass


print(isinstance(N(), N), isinstance(M(), N), isinstance(1, N), isinstance(N(), (int, N)))
print(N.__instancecheck__(N()))
match N():
    case N():
        print("matched N")
    case _:
        print("no match")


class Dynamic:
    pass


d = Dynamic()
d.present = 1
calls = []


def getattribute(self, name):
    calls.append(name)
    if name == "missing":
        raise AttributeError(name)
    return object.__getattribute__(self, name)


print(hasattr(d, "missing"))
Dynamic.__getattribute__ = getattribute
print(hasattr(d, "missing"), d.present)


class Child(Dynamic):
    pass


c = Child()
print(hasattr(c, "missing"))
del Dynamic.__getattribute__
print(hasattr(d, "missing"), hasattr(c, "missing"), calls)

for stmt in [
    "object().a = 1",
    "del object().a",
    "setattr(object(), 'a', 2)",
    "object().__dict__",
    "del int.x",
    "del int.real",
    "int.x = 1",
]:
    try:
        exec(stmt)
    except (AttributeError, TypeError) as e:
        print(f"{stmt}: {type(e).__name__}: {e}")
    else:
        print(stmt, "no error")
