# Special methods of functions, generators and other values without slot wrappers of their own:
# they show `object`'s, and calling them runs the protocol operation.


def f(x):
    return x + 1


def gen():
    yield 1
    yield 2


g = gen()
print(f.__call__(1), f.__eq__(f), f.__ne__(f))
print(f.__hash__() == hash(f), f.__repr__() == repr(f), f.__str__() == str(f))
print(g.__iter__() is g, g.__next__(), next(g))
print(g.__eq__(g), g.__hash__() == hash(g), type(g).__name__)
print(hasattr(f, "__len__"), hasattr(g, "__getitem__"), hasattr(f, "__add__"))
print(type(None).__repr__(None), None.__eq__(None))
s = slice(1, 2)
print(s.__repr__(), s.__hash__ is None or callable(s.__hash__))
m = [].append
print(m.__eq__(m), callable(m.__call__), m.__call__(1))
print(len.__call__([1, 2]), len.__eq__(len), abs.__repr__())
