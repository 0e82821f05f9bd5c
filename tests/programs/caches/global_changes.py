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
