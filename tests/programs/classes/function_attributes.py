# Function attributes: names, docs, defaults, annotations, __wrapped__, __dict__, __code__.
import functools


def f(a: int, b: str = "x", *args, c: float = 1.0, **kw) -> bool:
    "Doc of f."
    return True


print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__kwdefaults__, f.__annotations__)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames, code.co_flags)
print(code.co_filename.endswith("function_attributes.py"), code.co_firstlineno)


def g():
    pass


print(g.__defaults__, g.__kwdefaults__, g.__annotations__, g.__doc__, g.__dict__)
g.calls = 3
g.__annotations__["x"] = int
print(g.calls, g.__dict__, g.__annotations__)


class K:
    def method(self):
        def inner():
            pass
        return inner


print(K.method.__qualname__, K().method().__qualname__, K().method.__name__)


@functools.wraps(f)
def wrapper(*a, **k):
    return f(*a, **k)


print(wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ is f, wrapper.__annotations__ == f.__annotations__)
wrapper.__qualname__ = "Renamed.wrapper"
print(wrapper.__qualname__, repr(wrapper).startswith("<function Renamed.wrapper at"))
try:
    wrapper(1, 2, 3, c=1, d=2, e=3)
    wrapper()
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield 1


print(gen.__code__.co_flags & 0x20 != 0, (lambda: 0).__name__)
