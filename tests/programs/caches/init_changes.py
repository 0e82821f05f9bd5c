# A call of a class runs the `__init__` and `__new__` the class has now: replaced, deleted,
# added on a base, by setattr, by `__bases__` assignment, after many calls (a call site or
# class that remembers them must notice every change).
def make(cls, *args):
    # Several calls from one site, so whatever is remembered is warm before a change.
    made = [cls(*args) for _ in range(3)]
    return made[-1]


class Base:
    def __init__(self, x):
        self.x = ("base", x)


class P(Base):
    def __init__(self, x, y=0):
        self.x = ("p", x, y)


print(make(P, 1).x)
P.__init__ = lambda self, x: setattr(self, "x", ("lambda", x))
print(make(P, 2).x)
del P.__init__
print(make(P, 3).x)
Base.__init__ = lambda self, x: setattr(self, "x", ("new base", x))
print(make(P, 4).x)
setattr(P, "__init__", lambda self, x: setattr(self, "x", ("setattr", x)))
print(make(P, 5).x)
delattr(P, "__init__")
del Base.__init__
try:
    make(P, 6)
except TypeError as e:
    print("TypeError:", e)
print(type(make(P)).__name__)


class Q:
    def __init__(self, x):
        self.x = x


print(make(Q, 7).x)


def new(cls, x):
    print("__new__", cls.__name__, x)
    return object.__new__(cls)


Q.__new__ = new
print(make(Q, 8).x)
Q = type("Q", (), {"__init__": lambda self, x: setattr(self, "x", x)})
print(make(Q, 9).x)


def returns_value(self, x):
    self.x = x
    return x


Q.__init__ = returns_value
try:
    make(Q, 10)
except TypeError as e:
    print("TypeError:", e)


def generator_init(self, x):
    yield x


Q.__init__ = generator_init
try:
    make(Q, 11)
except TypeError as e:
    print("TypeError:", e)


class Callable:
    def __call__(self, inst, x):
        inst.x = ("callable", x)


Q.__init__ = Callable()
try:
    make(Q, 12)
except TypeError as e:
    print("TypeError:", e)
Q.__init__ = staticmethod(lambda x: print("static init", x))
try:
    make(Q, 13)
except TypeError as e:
    print("TypeError:", e)


class Left:
    def __init__(self):
        self.side = "left"


class Right:
    def __init__(self):
        self.side = "right"


class R(Left):
    pass


print(make(R).side)
R.__bases__ = (Right,)
print(make(R).side)


class Meta(type):
    pass


class M(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print(make(M, 14).x)


def meta_call(cls, *args):
    print("Meta.__call__", cls.__name__, args)
    return 42


Meta.__call__ = meta_call
print(make(M, 15))
del Meta.__call__
print(make(M, 16).x)


class Counted:
    def __init__(self, n):
        self.n = n


total = 0
for i in range(1000):
    total += Counted(i).n
print(total)
Counted.__init__ = lambda self, n: setattr(self, "n", -n)
total = 0
for i in range(1000):
    total += Counted(i).n
print(total)


class Sub(list):
    def __init__(self, items):
        super().__init__(items)
        self.extra = len(items)


s = make(Sub, [1, 2])
print(s, s.extra)
