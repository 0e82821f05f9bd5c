# An attribute read site remembers where an instance of a class keeps the name, or that it
# lacks it (a class attribute or method read through the instance). Each of these must give
# what a fresh lookup gives.


class Shape:
    SIDES = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0


def read_sides(obj):
    return obj.SIDES


def read_area(obj):
    return obj.area


def read_name(obj):
    return getattr(obj, "name", "<none>"), obj.name if hasattr(obj, "name") else "<none>"


a = Shape("a")
for _ in range(3):
    print("class value", read_sides(a))

# Another instance adds SIDES to the class's shared names: the instance now shadows it.
b = Shape("b")
b.SIDES = 4
for _ in range(3):
    print("shadowed", read_sides(b), "not shadowed", read_sides(a))

# An instance that sets the name later in its life.
a.SIDES = 3
print("set later", read_sides(a), read_sides(Shape("c")))
del a.SIDES
print("deleted", read_sides(a))

# A method read as an attribute, then shadowed by an instance attribute of that name.
m = read_area(a)
print("bound", m(), m.__self__ is a)
a.area = lambda: "own"
print("own function", read_area(a)())
print("other instance", read_area(b)())


# A name set in another order gives the instance a dict of its own: the site's remembered
# position is only a guess there.
class Pair:
    def __init__(self, first, second, swap=False):
        if swap:
            self.second = second
            self.first = first
        else:
            self.first = first
            self.second = second


def both(p):
    return p.first, p.second


pairs = [Pair(1, 2), Pair(3, 4, swap=True), Pair(5, 6), Pair(7, 8, swap=True)]
for _ in range(2):
    print([both(p) for p in pairs])


# A missing attribute: read through the class's `__getattr__`, before and after the
# instance sets it.
class Lazy:
    def __init__(self):
        self.ready = True

    def __getattr__(self, name):
        return "computed " + name


def value(obj):
    return obj.value


lazy = Lazy()
print(value(lazy), value(lazy))
lazy.value = "stored"
print(value(lazy), value(Lazy()))


# An instance whose `__dict__` Python code asked for, then changes.
class Plain:
    KIND = "class"

    def __init__(self):
        self.x = 1


def kind(obj):
    return obj.KIND


p = Plain()
print(kind(p), kind(p))
p.__dict__["KIND"] = "dict"
print(kind(p), kind(Plain()))
del p.__dict__["KIND"]
print(kind(p))

# A class attribute changed after the site learned it.
Plain.KIND = "changed"
print(kind(p), kind(Plain()))


# Many names: past the shared table's size, instances keep their own dict.
class Wide:
    LABEL = "wide"

    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


def label_and_last(obj, last):
    return obj.LABEL, getattr(obj, last)


for n in (3, 40):
    w = Wide(n)
    print(label_and_last(w, "a%d" % (n - 1)), label_and_last(w, "a%d" % (n - 1)))


# Subclasses through one site: each class's own answer.
class Square(Shape):
    SIDES = 4


class Blob(Shape):
    pass


for obj in [Shape("s"), Square("q"), Blob("b"), Square("r")]:
    print(type(obj).__name__, read_sides(obj), read_name(obj))

# The instance's class changed: it keeps its attributes, the new class answers the rest.
blob = Blob("x")
print(read_sides(blob))
blob.__class__ = Square
print(read_sides(blob), blob.name)
