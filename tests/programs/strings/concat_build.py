# String building with += and +: the in-place append must never be visible through aliases.


def build(n):
    s = ""
    for i in range(n):
        s += str(i)
    return s


s = build(2000)
print(len(s), s[:20], s[-20:], hash(s) == hash(build(2000)))

# Aliases keep their old value.
s = "ab"
t = s
s += "x"
print(s, t)
u = s
s = s + "y"
print(s, u)

# A str held in a container or as a dict key is not changed.
s = "k" * 3
box = [s]
d = {s: 1}
s += "!"
print(s, box, d, d.get("kkk"), d.get("kkk!"))

# The hash is recomputed after an append.
s = "key"
s2 = s + ""
h = hash(s2)
s2 += "2"
print(hash(s2) == hash("key2"), hash(s2) != h, {s2: 1}.get("key2"))

# Self-concatenation.
s = "ab"
s += s
s = s + s
print(s)

# Non-ASCII text keeps code-point indexing right.
s = "é"
for c in "ñü€":
    s += c
print(s, len(s), s[2], s[-1], s[1:3])

# Module-level (StoreName), global (StoreGlobal) and closure (StoreDeref) targets.
g = ""


def add_global(x):
    global g
    g += x


for c in "abc":
    add_global(c)
print(g)


def closure():
    acc = ""

    def add(x):
        nonlocal acc
        acc += x
        return acc

    first = add("p")
    add("q")
    return first, add("r")


print(closure())

# An intermediate of a chain is unique and may be appended to; the operands are not.
a, b, c = "1", "2", "3"
print(a + b + c, a, b, c)


class Box:
    def __init__(self):
        self.s = ""


box = Box()
saved = box.s
for i in range(3):
    box.s += str(i)
print(box.s, repr(saved))

try:
    s = "a"
    s += 1
except TypeError as e:
    print("TypeError:", e)
print(s)
