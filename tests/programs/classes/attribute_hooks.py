# __getattribute__, __getattr__, __setattr__, __delattr__ overrides and object's defaults.
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<missing {name}>"

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)

    def method(self):
        return "m"


o = Logged()
o.a = 5
print(o.a, o.method(), o.nothing, o.log)
del o.a
print(o.a)


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


pr = Proxy([3, 1, 2])
pr.sort()
print(pr._target, pr.count(1))


class Raising:
    @property
    def broken(self):
        raise AttributeError("inner")

    def __getattr__(self, name):
        return "fallback " + name


print(Raising().broken)


class Plain:
    pass


x = Plain()
print(Plain.__eq__(x, x), Plain.__ne__(x, x), x.__eq__(1), type(hash(x)).__name__)
print(object.__format__(x, "") == str(x))
