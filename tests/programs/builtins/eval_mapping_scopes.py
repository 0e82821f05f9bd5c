# eval/exec take any mapping as locals, and a dict subclass as globals (its own
# __getitem__/__missing__ answer names then); dir() lists a mapping's keys().
import collections


class LengthDict(dict):
    def __getitem__(self, k):
        return len(k)


print(eval("a + word", LengthDict()))


class Squares(dict):
    def __missing__(self, k):
        if k.startswith("z"):
            return k * 2
        raise KeyError(k)


print(eval("zab + zc", Squares()))
ns = Squares()
exec("x = 5\ny = str(x) + zz", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["y"])


class Recording(collections.abc.MutableMapping):
    def __init__(self):
        self.data = {}
        self.log = []

    def __getitem__(self, k):
        self.log.append(("get", k))
        return self.data[k]

    def __setitem__(self, k, v):
        self.log.append(("set", k))
        self.data[k] = v

    def __delitem__(self, k):
        self.log.append(("del", k))
        del self.data[k]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


loc = Recording()
exec("a = 1\nb = a + len('xy')\ndel a", {}, loc)
print(loc.data, loc.log)
print(eval("y", {"y": 1}, collections.UserDict()))
print(eval("x + y", None, {"x": 1, "y": 2}))


class Keys(dict):
    def __getitem__(self, x):
        return dir

    def keys(self):
        yield 6
        yield 5


print(eval("dir()", {}, Keys()))

for bad in (123, None.__class__, [1]):
    try:
        eval("x", {"x": 1}, bad)
    except TypeError as e:
        print("eval", type(bad).__name__, e)
try:
    exec("x", {}, 5)
except TypeError as e:
    print("exec", e)
try:
    eval("x", [])
except TypeError as e:
    print(e)
