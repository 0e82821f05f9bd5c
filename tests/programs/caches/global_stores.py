# StoreGlobal rebinds a global at the position its LoadGlobal cache found: the stores must
# land in the dict whatever happened to its keys, and old values must be released.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


for _ in range(5):
    bump()
print("bumped", counter)

# New globals move nothing that the store then misses.
for i in range(50):
    globals()["filler_%d" % i] = i
bump()
print("after new keys", counter, filler_49)

# Deleted and re-created: the cached position is stale.
del globals()["counter"]
globals()["counter"] = 100
bump()
print("after re-creation", counter)
del filler_0
bump()
print("after another deletion", counter)

# A global that shadows a builtin after the function read the builtin.
def read_len():
    return len


def shadow_len():
    global len
    len = "shadow"


def unshadow_len():
    global len
    del len


print(read_len() is __builtins__.len if hasattr(__builtins__, "len") else read_len()("ab"))
shadow_len()
print(read_len())
shadow_len()
print(read_len())
unshadow_len()
print(read_len()("abc"))


# The old value's finalizer sees the new value bound.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        bound = globals().get("holder")
        print("released", self.name, "now bound:", bound and bound.name)


holder = Noisy("first")


def rebind(name):
    global holder
    holder = holder
    holder = Noisy(name)


rebind("second")
rebind("third")

# Stores through exec with another globals dict run the same code on two dicts.
code = compile("def f():\n    global g\n    g = g + 1\n    return g\n", "<g>", "exec")
ns1, ns2 = {"g": 0}, {"g": 1000}
exec(code, ns1)
exec(code, ns2)
for _ in range(3):
    ns1["f"]()
    ns2["f"]()
print(ns1["g"], ns2["g"])
del holder
print("done")
