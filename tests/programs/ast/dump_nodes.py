# ast.parse of every kind of statement and expression, dumped plainly and with positions.
import ast
src = '''
def foo(a, b=1, *args, c, d=2, **kw) -> int:
    """doc"""
    x = a + b * 2
    return x
class C(B, metaclass=M):
    y: int = 3
for i, j in zip(a, b):
    print(i, end='')
else:
    pass
while x < 3 <= y:
    x += 1
if a and b or not c:
    del a[0], b.c
elif d:
    raise E from f
try:
    import os.path as p, sys
    from ..m import (a as b, c)
except (A, B) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
with open(f) as g, h:
    global q
lam = lambda x, *, y=3: x if y else -x
comp = [x for x in y if x for z in w], {k: v for k, v in d.items()}, {s for s in t}, (g for g in h)
s = f"a{b!r:>{w}} {c=}"
t = a[1:2, ::3], b[...], {**d, 'k': 1}, {1, 2}, (yield), 1.5, 2j, b'x', None, True
async def co():
    await x
    async for a in b: pass
    async with c as d: pass
match p:
    case [1, *rest] if rest: pass
    case {'k': v, **kw}: pass
    case Point(x=0, y=_) | None: pass
    case str() as s: pass
assert x, "msg"
(a := 10)
*a, b = c
'''
t = ast.parse(src)
print(ast.dump(t, indent=1))
print(ast.dump(t, include_attributes=True))
