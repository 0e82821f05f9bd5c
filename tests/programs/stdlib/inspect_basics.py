import inspect, functools
def f(a, b: int = 2, /, c=3, *args: str, d, e: float = 1.5, **kw) -> bool: pass
def g(x, y=None): pass
class C:
    def __init__(self, p: int, q='z'): pass
    def m(self, k): pass
    @staticmethod
    def s(u): pass
    @classmethod
    def c(cls, v): pass
print(inspect.signature(f))
print(repr(inspect.signature(g)), inspect.signature(C), inspect.signature(C(1).m), inspect.signature(C.s), inspect.signature(C.c))
sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, repr(p))
print(sig.return_annotation, inspect.Parameter.KEYWORD_ONLY, repr(inspect.Parameter.KEYWORD_ONLY), inspect.Parameter.KEYWORD_ONLY.description)
b = inspect.signature(g).bind(1, y=2); print(b, b.args, b.kwargs)
b = inspect.signature(g).bind(1); b.apply_defaults(); print(b.arguments)
try: inspect.signature(g).bind()
except TypeError as e: print(e)
@functools.wraps(g)
def w(*a, **k): return g(*a, **k)
print(inspect.signature(w), w.__wrapped__ is g, w.__name__)
print(inspect.isclass(C), inspect.isfunction(f), inspect.ismethod(C(1).m), inspect.isfunction(C.m), inspect.isbuiltin(len), inspect.iscoroutinefunction(f), inspect.isgeneratorfunction(f))
print(inspect.getmro(bool), [n for n, v in inspect.getmembers(C) if not n.startswith('__')])
print(inspect.getdoc(inspect.signature), inspect.isabstract(C))
def gen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.getfullargspec(g))
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount, f.__code__.co_flags, gen.__code__.co_flags, f.__code__.co_name, f.__code__.co_firstlineno)
p = functools.partial(g, 1)
print(inspect.signature(p))
