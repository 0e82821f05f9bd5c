# inspect's source functions: getsource/getsourcelines/getcomments/getfile for functions,
# methods, classes (found through ast), nested classes, lambdas and modules.
import inspect

# A comment about f
def f(a, b=2, *, c):
    """Doc of f."""
    return a + b  # sum

class C:
    """A class."""
    def m(self, x):
        return x * 2

    @property
    def p(self):
        return 1

def outer():
    class Inner:
        pass
    return Inner

g = lambda x: x + 1

print(inspect.getsource(f), end='')
print(inspect.getsourcelines(C.m))
print(inspect.getsource(C), end='')
print(inspect.getsource(outer()), end='')
print(inspect.getsource(g), end='')
print(repr(inspect.getcomments(f)))
print(inspect.getfile(f).endswith('t6.py'), inspect.getsourcefile(C).endswith('t6.py'))
print(inspect.signature(f), inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C().m))
print([n for n, _ in inspect.getmembers(C) if not n.startswith('__')])
print(inspect.getdoc(C), inspect.indentsize('    x'))
try:
    inspect.getsource(len)
except TypeError as e:
    print(e)
try:
    inspect.getfile(1)
except TypeError as e:
    print(e)
import sys
print(len(inspect.getsource(sys.modules[__name__])) > 100)
print(inspect.iscode(f.__code__), inspect.isframe(sys._getframe()), inspect.istraceback(None))
