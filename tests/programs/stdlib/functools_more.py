import functools
from functools import lru_cache, cached_property, singledispatch, partialmethod, wraps


@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())


@lru_cache(typed=True)
def ident(x):
    print("miss", repr(x))
    return x


print(ident(1), ident(1.0), ident(1), ident.cache_info())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.__name__)


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@lru_cache(maxsize=None)
def kw(a, b=2):
    return a + b


print(kw(1), kw(1, b=3), kw(a=1), kw(1), kw.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError", e)


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.__dict__)
del c.area
print(c.area)
print(type(Circle.area).__name__)


@singledispatch
def describe(x):
    return "object " + repr(x)


@describe.register(int)
def _(x):
    return "int " + str(x)


@describe.register(list)
def _(x):
    return "list of " + str(len(x))


def describe_str(x):
    return "str " + x


describe.register(str, describe_str)
print(describe(5), describe(True), describe([1, 2]), describe("s"), describe(2.5), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.registry[object].__name__)
try:
    describe()
except TypeError as e:
    print("TypeError", e)


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, state, note=""):
        self.state = (state, note)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="rip")


cell = Cell()
cell.set_alive()
print(cell.state)
cell.set_dead()
print(cell.state)
cell.set_alive(note="x")
print(cell.state)


def deco(f):
    @wraps(f)
    def inner(*a):
        """inner doc"""
        return f(*a)
    return inner


@deco
def documented(x):
    """The doc."""
    return x + 1


print(documented(1), documented.__name__, documented.__doc__, documented.__wrapped__(5))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
p = functools.partial(int, base=2)
print(p("101"), p.func, p.args, p.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 7))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
