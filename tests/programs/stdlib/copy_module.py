import copy

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
d2 = copy.deepcopy(t2)
print(d2 == t2, d2 is t2, d2[1] is t2[1])
for v in [None, 5, 2.5, True, "s", b"b", range(3), len, frozenset({1}), int]:
    print(repr(copy.copy(v)), copy.copy(v) is v, copy.deepcopy(v) is v)
s = {1, 2, 3}
print(copy.copy(s), copy.copy(s) is s, copy.deepcopy(s))
ba = bytearray(b"xy")
print(copy.copy(ba), copy.deepcopy(ba) is ba)
d = {"a": [1], "b": (2, [3])}
dd = copy.deepcopy(d)
dd["a"].append(9)
dd["b"][1].append(9)
print(d, dd)

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc[1] is rec, len(rc))
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, type(p3).__name__, p2.y is p.y, p3.y is p.y)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v + 1)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo) * 2)


print(copy.copy(Custom(1)).v, copy.deepcopy(Custom([5])).v)


class State:
    def __init__(self):
        self.a = 1
        self.cache = "big"

    def __getstate__(self):
        print("getstate")
        st = dict(self.__dict__)
        del st["cache"]
        return st

    def __setstate__(self, st):
        print("setstate", sorted(st))
        self.__dict__.update(st)
        self.cache = None


s2 = copy.deepcopy(State())
print(s2.a, s2.cache)


class Red:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Red, (self.a, self.b))


r = copy.deepcopy(Red([1], 2))
print(type(r).__name__, r.a, r.b)


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
mc = copy.copy(ml)
md = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, md, md[1] is ml[1], mc[1] is ml[1])


class MyDict(dict):
    pass


mdd = copy.deepcopy(MyDict(a=[1]))
print(type(mdd).__name__, mdd)


class Node:
    def __init__(self):
        self.children = []
        self.parent = None


root = Node()
child = Node()
child.parent = root
root.children.append(child)
r2 = copy.deepcopy(root)
print(r2.children[0].parent is r2, r2 is root)
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo)


def gen():
    yield 1


for call in [lambda: copy.copy(gen()), lambda: copy.deepcopy({"g": gen()})]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
