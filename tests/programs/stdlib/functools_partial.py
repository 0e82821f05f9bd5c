# functools.partial as CPython's: flattening a partial of a partial, the repr (with a subclass's
# qualname, and "..." inside itself), __reduce__/__setstate__, a __dict__ that cannot be deleted.
import functools
from functools import partial


def add(*args, **kw):
    return args, kw


p = partial(add, 1, a=2)
q = partial(p, 3, b=4)
print(q.func is add, q.args, q.keywords, q(5, c=6))
print(repr(p).replace(hex(id(add)), "ID"))


class P(partial):
    pass


print(repr(P(add, 1)).replace(hex(id(add)), "ID"), type(partial(P(add, 1), 2).func).__name__)
p.attr = 7
print(partial(p, 9).func is p, p.__reduce__()[0] is partial, p.__reduce__()[2][1:])
r = partial(add)
r.__setstate__((add, (1, 2), None, {"x": 1}))
print(r.args, r.keywords, r.x, r())
for state in [[], (1, 2), (1, (), None, None), (add, [], None, None)]:
    try:
        r.__setstate__(state)
    except TypeError as e:
        print("TypeError", e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError", e)
try:
    partial(1)
except TypeError as e:
    print("TypeError", e)
rec = partial(add)
rec.__setstate__((add, (rec,), None, None))
print(repr(rec).replace(hex(id(add)), "ID"))
