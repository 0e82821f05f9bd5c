# itertools' native lazy iterators: count (int overflow, floats), repeat, chain and from_iterable
# (lazy), islice (consumption order), starmap, takewhile/dropwhile, their errors, type names,
# reprs, and the collector through them.
import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(10, 3), 3)), list(islice(count(1.5, 0.5), 3)))
c = count(2**62, 2**62); next(c); print(next(c), next(c))
print(list(repeat("a", 3)), list(repeat(1, -2)), list(islice(repeat(None), 2)), list(repeat(object=5, times=2)))
print(list(chain("ab", [1, 2], ())), list(chain()), list(chain.from_iterable(["xy", "z"])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)), list(islice("abcdefg", 1, 6, 3)))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(max, ["ab", [3, 1]])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
for bad in [lambda: count("a"), lambda: repeat(1, "x"), lambda: islice([], -1), lambda: islice([], 1, 2, 0), lambda: chain(1).__next__(), lambda: list(starmap(pow, [1]))]:
    try: bad(); print("no error")
    except Exception as e: print(type(e).__name__, e)
# laziness and consumption order
src = iter(range(10))
s = islice(src, 2, 5)
print(list(s), next(src))
def gen():
    yield 1; print("second"); yield 2
ch = chain(gen(), gen())
print(next(ch), next(ch))
tw = takewhile(lambda x: x < 2, iter([1, 2, 3]))
print(list(tw), list(tw))
print(type(count()).__name__, type(chain()).__name__, type(islice([], 1)).__name__, type(repeat(1)).__name__)
print(repr(count(3)).startswith("count("), iter(count()) is not None)
import gc
class N: pass
n = N(); n.c = chain([n]); import weakref; r = weakref.ref(n); del n; gc.collect(); print(r() is None)
print(sum(islice(count(), 0, 1000, 7)), list(zip(count(), "ab")), list(map(lambda *a: a, repeat(1), "xy")))
print(repr(count()), repr(count(5, 2)), repr(count(1.5)), repr(count(2, 1.0)), repr(repeat("a")), repr(repeat([1], 3)))
r = repeat(1, 2); next(r); print(repr(r)); c = count(7); next(c); print(c)
# An error from chain's sources or islice's input ends them; one from chain's active
# iterator does not.
def failing():
    yield 1
    raise KeyError("inner")
for make in [lambda: chain(1, [2]), lambda: islice(failing(), 0, 5), lambda: chain(failing(), [9])]:
    x = make()
    out = []
    for _ in range(4):
        try:
            out.append(next(x))
        except StopIteration:
            out.append("stop")
        except Exception as e:
            out.append(type(e).__name__)
    print(out)
print(repr(count(0, True)), repr(count(0, 1.0)), repr(count(5, 2)))
