# A property's __doc__ is writable; getter()/setter()/deleter() keep what None replaces and
# take the new getter's docstring only when the old one came from the getter.
def g(self):
    "getter doc"
    return 1


p = property(g)
print(p.__doc__)
p.__doc__ = "222"
print(p.__doc__)
print(property(g, doc="explicit").__doc__)
print(property(g, doc="explicit").setter(lambda s, v: None).__doc__)
print(property(g).getter(lambda s: 2).__doc__)
print(property(None, doc="d").getter(g).__doc__)
p1 = property("a", "b", "c")
print(p1.getter(None).fget, p1.setter(None).fset, p1.deleter(None).fdel)
print(p1.getter(1).fget, p1.setter(2).fset, p1.deleter(3).fdel)
for args, kw in [((1, 2, 3, 4, 5), {}), ((), {"name": "x"}), ((1,), {"fget": 2})]:
    try:
        property(*args, **kw)
    except TypeError as e:
        print(e)
