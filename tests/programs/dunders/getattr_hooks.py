class Dynamic:
    real = "real attribute"

    def __init__(self):
        self.data = {"color": "red"}

    def __getattr__(self, name):
        print("  __getattr__", name)
        if name in self.data:
            return self.data[name]
        raise AttributeError(f"no {name!r} here")


d = Dynamic()
print(d.real, d.data["color"], d.color)
print(getattr(d, "size", "n/a"), hasattr(d, "shape"))
try:
    d.weight
except AttributeError as e:
    print(type(e).__name__, e)


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)


r = Recorder()
r.x = 1
r.y = "two"
del r.x
print(r.log, vars(r))


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))
