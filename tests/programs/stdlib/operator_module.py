import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-4))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.inv(5), operator.invert(0))
print(operator.lshift(1, 5), operator.rshift(64, 2), operator.abs(-3.5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.truth([1]), operator.is_(None, None), operator.is_not(1, None))
print(operator.index(7), operator.index(True), operator.concat([1], [2]), operator.contains("abc", "b"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("hello", "l"))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d)
class Hint:
    def __length_hint__(self):
        return 4

print(operator.length_hint([1, 2, 3]), operator.length_hint(Hint(), 5), operator.length_hint(42, 7))
print(operator.call(max, 3, 9, 4))
l = [1]
r = operator.iadd(l, [2])
print(r, l, r is l)
print(operator.iadd(1, 2), operator.isub(5, 3), operator.imul(2, 4), operator.itruediv(1, 4), operator.ifloordiv(9, 2))
print(operator.imod(9, 4), operator.ipow(3, 3), operator.ilshift(1, 3), operator.irshift(8, 1))
print(operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.iconcat("a", "b"))
print(operator.__add__(1, 2), operator.__getitem__("xyz", 1))

class Idx:
    def __index__(self):
        return 42

print(operator.index(Idx()))

ig = itemgetter(1)
print(ig, ig("abc"), ig([5, 6]))
ig2 = itemgetter(0, -1, slice(1, 3))
print(ig2, ig2("hello"))
print(itemgetter("k")({"k": "v"}))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q:
    def __init__(self):
        self.p = P(3, 4)
        self.name = "q"

ag = attrgetter("x")
print(ag, ag(P(1, 2)))
ag2 = attrgetter("p.x", "name", "p.y")
print(ag2, ag2(Q()))
print(attrgetter("p")(Q()).y)
pts = [P(3, 1), P(1, 2), P(2, 0)]
print([p.x for p in sorted(pts, key=attrgetter("x"))])
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)))

mc = methodcaller("split", ",", maxsplit=1)
print(mc, mc("a,b,c"))
print(methodcaller("upper")("abc"), methodcaller("upper"))

for call in [
    lambda: operator.index(1.5),
    lambda: operator.index("3"),
    lambda: operator.indexOf([1, 2], 3),
    lambda: operator.concat(1, 2),
    lambda: operator.truediv(1, 0),
    lambda: attrgetter(1),
    lambda: methodcaller(1),
    lambda: attrgetter("nope")(P(1, 2)),
    lambda: itemgetter(5)([1]),
    lambda: operator.length_hint([], "x"),
    lambda: operator.add(1, "a"),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
