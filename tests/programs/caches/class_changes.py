# Attribute lookups that a cache could answer stale: every change to a class, a base class,
# an instance or a global after the same code already ran once must be seen by the next run.


class Base:
    def greet(self):
        return "base"

    kind = "base kind"


class Child(Base):
    pass


def call_greet(obj):
    return obj.greet()


def read_kind(obj):
    return obj.kind


def read_attr(obj):
    return obj.value


c = Child()
for _ in range(3):
    print(call_greet(c), read_kind(c))

# A method added to the subclass after the base's was cached.
Child.greet = lambda self: "child"
print(call_greet(c))

# The base's method replaced: the subclass still shadows it, a direct instance does not.
Base.greet = lambda self: "new base"
print(call_greet(c), call_greet(Base()))

# Deleting the subclass's method uncovers the base's again.
del Child.greet
print(call_greet(c))

# A class attribute assigned, then shadowed by an instance attribute, then uncovered.
Base.kind = "changed kind"
print(read_kind(c))
c.kind = "own kind"
print(read_kind(c))
del c.kind
print(read_kind(c))

# An instance attribute that shadows a method, then goes away.
c.greet = lambda: "instance function"
print(call_greet(c))
del c.greet
print(call_greet(c))

# __dict__ mutated directly.
c.value = 1
print(read_attr(c))
c.__dict__["value"] = 2
print(read_attr(c))
c.__dict__.clear()
try:
    read_attr(c)
except AttributeError as e:
    print("AttributeError:", e)
c.__dict__["value"] = 3
print(read_attr(c))

# A property added to the class after plain reads were cached: it is a data descriptor, so it
# wins over the instance dict.
Child.value = property(lambda self: "from property")
print(read_attr(c))
del Child.value
print(read_attr(c))

# A __getattr__ added after a miss was cached.
try:
    read_attr(Base())
except AttributeError as e:
    print("AttributeError:", e)
Base.__getattr__ = lambda self, name: "fallback for " + name
print(read_attr(Base()))
del Base.__getattr__


# Special methods looked up on the class: replaced after use.
class Number:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return Number(self.n + other.n)

    def __repr__(self):
        return "Number(%d)" % self.n


def add(a, b):
    return a + b


print(add(Number(1), Number(2)))
Number.__add__ = lambda self, other: Number(self.n * 10 + other.n)
print(add(Number(1), Number(2)))
Number.__init__ = lambda self, n: setattr(self, "n", n + 100)
print(add(Number(1), Number(2)))


# __setattr__ added to a class after plain stores ran.
class Store:
    pass


def store(obj, v):
    obj.x = v


s = Store()
store(s, 1)
print(s.x)
Store.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 2)
store(s, 5)
print(s.x)


# A method of a base class defined after the subclass was used.
class A:
    pass


class B(A):
    pass


def late(obj):
    try:
        return obj.late()
    except AttributeError as e:
        return "AttributeError: " + str(e)


b = B()
print(late(b))
A.late = lambda self: "late method"
print(late(b))
