# Special methods that are not functions: what has a __get__ is bound through it, what has
# none (an instance, a built-in function, a class) is called without the receiver.
import functools


class Other:
    def m(self, *a):
        return ("m", len(a))


def f(*a):
    return ("f", len(a))


class Desc:
    def __get__(self, obj, typ):
        return lambda *a: ("desc", len(a), type(obj).__name__)


class Plain:
    def __call__(self, *a):
        return ("plain", len(a))


o = Other()
for attr in (f, len, o.m, Plain(), Desc(), staticmethod(f), classmethod(f),
             functools.partial(f, 1), dict):
    class A:
        __call__ = attr
    try:
        r = A()(9)
    except TypeError:
        r = "TypeError"
    print(type(attr).__name__, r)


class Getter:
    def __call__(self, key):
        return key * 2


class Box:
    __getitem__ = Getter()
    __len__ = staticmethod(lambda: 7)


b = Box()
print(b[21], len(b))

# An instance whose __call__ is itself recurses without Python frames: RecursionError.


class Caller:
    pass


caller = Caller()
Caller.__call__ = caller
try:
    caller()
except RecursionError:
    print("RecursionError")
