# The native deque: bounded ends, rotate, search with __eq__ and the mutation checks by
# state (not size), indexing, copying and pickling, repr with recursion, operators,
# subclassing, weakrefs, the iterator types, and the cycle collector through its items.
import copy
import gc
import pickle
import weakref
from collections import deque


def raises(f):
    try:
        f()
    except Exception as e:
        return e


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# Bounded deques drop from the opposite end; insert into a full one is an IndexError.
d = deque(range(5), maxlen=3)
print(d, d.maxlen)
d.appendleft("a")
print(d)
d.extend("xy")
print(d)
d.extendleft([1, 2])
print(d)
show("insert full", lambda: d.insert(0, "z"))
z = deque(maxlen=0)
z.append(1)
z.extend(range(10))
print(z, len(z))
show("maxlen -1", lambda: deque(maxlen=-1))
show("maxlen float", lambda: deque([], 1.5))
show("too many", lambda: deque(1, 2, 3))
show("bad keyword", lambda: deque(foo=1))
print(deque(iterable="ab", maxlen=1), deque(maxlen=2, iterable=[1, 2, 3]))

# rotate, in both directions and by more than the length.
r = deque(range(7))
for n in (1, -2, 10, -15, 0):
    r.rotate(n)
    print(n, list(r))
show("rotate float", lambda: r.rotate(1.5))
show("rotate args", lambda: r.rotate(1, 2))

# index with start/stop (negative, huge), count, remove, in.
s = deque("abcabc")
print(s.index("c"), s.index("a", 1), s.index("b", -3), s.index("c", 0, 10**30))
show("index missing", lambda: s.index("a", 4))
show("index range", lambda: s.index("c", 3, 4))
print(s.count("a"), "b" in s, "q" in s)
s.remove("b")
print(s)
show("remove missing", lambda: s.remove("q"))


class Eq:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Eq.calls += 1
        return self.v == getattr(other, "v", other)


e = deque([Eq(1), Eq(2), Eq(2)])
print(e.count(2), 2 in e, e.index(2), Eq.calls)
e.remove(2)
print(len(e), e[1].v)


class Clearer:
    def __eq__(self, other):
        victim.clear()
        return False


for name in ("count", "index", "__contains__", "remove"):
    victim = deque([Clearer(), 1])
    show(name + " mutated", lambda: getattr(victim, name)(1))

# Iterators notice any change of size or order, even one that keeps the size; not reverse()
# or item assignment.
def probe(label, change):
    q = deque([1, 2, 3, 4])
    it = iter(q)
    next(it)
    change(q)
    show(label, lambda: list(it))


probe("append+pop", lambda q: (q.append(5), q.pop()))
probe("rotate", lambda q: q.rotate(2))
probe("rotate 0", lambda q: q.rotate(0))
probe("reverse", lambda q: q.reverse())
probe("setitem", lambda q: q.__setitem__(0, 9))
probe("insert", lambda q: q.insert(1, 7))
probe("del", lambda q: q.__delitem__(1))
probe("extend empty", lambda q: q.extend([]))
probe("clear", lambda q: q.clear())
probe("imul 1", lambda q: q.__imul__(1))
rq = deque([1, 2, 3])
rit = reversed(rq)
print(next(rit), rit.__length_hint__())
rq.appendleft(0)
show("reversed mutated", lambda: next(rit))
show("reversed after", lambda: next(rit))

# Indexing, assignment and deletion.
ix = deque(range(10))
print(ix[0], ix[-1], ix[5], ix[True])
ix[2] = "two"
ix[-1] = "last"
del ix[0]
del ix[-2]
print(ix)
show("getitem range", lambda: ix[50])
show("getitem str", lambda: ix["a"])
show("getitem slice", lambda: ix[1:2])
show("setitem range", lambda: ix.__setitem__(-50, 0))
show("delitem range", lambda: ix.__delitem__(9))
for i in (0, 3, -2, 100, -100):
    t = deque("abc")
    t.insert(i, "X")
    print("insert", i, "".join(t))

# Operators.
a = deque([1, 2], maxlen=3)
print(a + deque([3, 4]), a * 3, 2 * a, a * 0, a * -1)
show("add list", lambda: a + [1])
b = deque([1, 2])
b += b
print(b)
b *= 2
print(b)
b.extend(b)
b.extendleft(deque([9, 8]))
print(b, len(b))
print(deque([1, 2]) == deque([1, 2]), deque([1]) != deque([2]), deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) >= deque([1]), deque([]) <= deque([]), deque([1]) == [1])
# (CPython names the type 'collections.deque' in these messages: only the kind is shown.)
show("lt list", lambda: type(raises(lambda: deque([1]) < [1])).__name__)
show("hash", lambda: type(raises(lambda: hash(deque()))).__name__)
print(bool(deque()), bool(deque([0])))

# repr, with the deque inside itself.
me = deque([1])
me.append(me)
print(me, repr(deque()), deque("ab", maxlen=4))
lst = [me]
print(lst)

# Copies and pickles keep the bound and the items' identity as each should.
orig = deque([[1], [2]], maxlen=5)
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
print(sh, sh.maxlen, sh[0] is orig[0], dp == orig, dp[0] is orig[0], orig.copy() is orig)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(orig, proto))
    print(proto, back, back.maxlen)
print(type(orig.__reduce__()[3]).__name__, orig.__reduce__()[:3])


# Subclasses: their __init__, an overridden append (which extend does not call), __class__.
class Log(deque):
    def __init__(self, items, tag):
        super().__init__(items, maxlen=4)
        self.tag = tag

    def append(self, x):
        print("append", x)
        super().append(x)


lg = Log([1, 2], "t")
lg.append(3)
lg.extend([4, 5])
print(lg, lg.tag, type(lg).__name__, lg.__class__ is Log, isinstance(lg, deque))
print(vars(lg), lg.__reduce__()[2])


class Plain(deque):
    pass


p = Plain("xyz")
print(p, p.copy(), type(p.copy()).__name__, type(p + p).__name__, type(p * 2).__name__)
back = pickle.loads(pickle.dumps(p))
print(back, type(back).__name__)
show("vars deque", lambda: vars(deque()))
show("attr deque", lambda: type(raises(lambda: setattr(deque(), "x", 1))).__name__)

# Weak references, __class_getitem__.
w = deque([1])
ref = weakref.ref(w)
print(ref() is w)
del w
print(ref())
print(deque[int], deque[int].__origin__ is deque)

# The iterator types, constructible with a skip count.
it_type, rev_type = type(iter(deque())), type(reversed(deque()))
print(it_type.__name__, rev_type.__name__, it_type.__module__)
print(list(it_type(deque("abcde"), 2)), list(rev_type(deque("abcde"), 3)))
show("iter of list", lambda: it_type([1]))

# A cycle through a deque's items is collected.
class Node:
    pass


gc.collect()
n = Node()
n.q = deque([n])
n_ref = weakref.ref(n)
del n
gc.collect()
print("collected", n_ref() is None)

# Deep nests are freed without deep recursion.
deep = deque()
for _ in range(100000):
    deep = deque([deep])
del deep
print("freed")
