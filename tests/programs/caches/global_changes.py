# Globals and builtins read through a cache: rebinding, deleting and shadowing after the
# reading code already ran must be seen.
import builtins


def read_g():
    return g


def call_len(x):
    return len(x)


g = 1
for _ in range(3):
    print(read_g())
g = 2
print(read_g())
del g
try:
    read_g()
except NameError as e:
    print("NameError:", e)
globals()["g"] = 3
print(read_g())

print(call_len("abc"))
# A global shadows the builtin, then goes away.
len = lambda x: "shadowed"
print(call_len("abc"))
del len
print(call_len("abc"))

# The builtin itself monkey-patched, then restored.
original = builtins.len
builtins.len = lambda x: "patched"
print(call_len("abc"))
builtins.len = original
print(call_len("abc"))


# Methods of built-in types are not affected by a user class of the same method name.
class Appender:
    def append(self, x):
        print("Appender.append", x)


def append_to(seq, x):
    seq.append(x)


items = []
append_to(items, 1)
append_to(Appender(), 2)
append_to(items, 3)
print(items)


# A global rebound on every call is read afresh each time; deleting an earlier global moves
# the later ones, and adding one (through globals()) shadows a builtin read by position.
counter = 0
early = "gone soon"
late = "still here"


def bump():
    global counter
    counter += 1
    return counter, late, abs(-counter)


for _ in range(3):
    print(bump())
del early
print(bump())
globals().update(late="updated", abs=lambda x: "shadowed abs")
print(bump())
del abs
print(bump())

# One code object run under two globals dicts, whose names sit at different positions.
shared = compile("def f():\n    return v\n", "<shared>", "exec")
d1 = {"v": "one"}
d2 = {"a": 0, "b": 0, "v": "two"}
exec(shared, d1)
exec(shared, d2)
for _ in range(2):
    print(d1["f"](), d2["f"]())
f1 = d1["f"]
d1.clear()
d1["v"] = "one again"
print(f1(), d2["f"]())
