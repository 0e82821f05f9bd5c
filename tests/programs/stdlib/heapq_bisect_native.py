# The native heapq and bisect cores: CPython's results, order of comparisons and errors.
import bisect
import heapq

log = []


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"L{self.v}"


h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
print(heapq.heapreplace(h, 0), h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 10), h)
data = [Loud(v) for v in [4, 1, 3, 2, 5, 0]]
heapq.heapify(data)
print(data, log)
log.clear()
print(heapq.heappop(data), log)
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), heapq.nsmallest(3, [5, 1, 4, 2]),
      heapq.nlargest(2, [5, 1, 4, 2], key=lambda x: -x))
print(list(heapq.merge([7, 4, 1], [8, 5], reverse=True)))
words = ["pear", "fig", "apple", "kiwi"]
heapq.heapify(words)
print(words, heapq.heappop(words))
pairs = [(2, "b"), (1, "z"), (1, "a")]
heapq.heapify(pairs)
print([heapq.heappop(pairs) for _ in range(3)])


class MyList(list):
    pass


ml = MyList([3, 2, 1])
heapq.heapify(ml)
heapq.heappush(ml, 0)
print(ml, type(ml).__name__)


class Shrinker:
    def __init__(self, v, heap):
        self.v, self.heap = v, heap

    def __lt__(self, other):
        self.heap.clear()
        return True


sh = []
sh.extend([Shrinker(1, sh), Shrinker(2, sh)])
try:
    heapq.heappush(sh, Shrinker(0, sh))
except RuntimeError as e:
    print("RuntimeError", e)

a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2),
      bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 9, hi=3), bisect.bisect_right(a, 2, 0, -1))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
bisect.insort_right(a, 0, lo=0, hi=2)
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(a, recs)
print(bisect.bisect_left(range(0, 100, 3), 50), bisect.bisect_right((1, 2, 3), 2), bisect.bisect("abcdef", "c"))


class Ins(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


b = Ins([1, 3])
bisect.insort(b, 2)
print(b)
log.clear()
ls = [Loud(v) for v in range(8)]
print(bisect.bisect_left(ls, Loud(5)), log)

tests = [lambda: bisect.bisect_right([1]), lambda: bisect.bisect_right([1], 1, 2, 3, 4),
         lambda: bisect.bisect_right([1], 1, foo=2), lambda: bisect.bisect_right([1], 1, lo=-1),
         lambda: bisect.bisect_right([1], 1, 1.5), lambda: bisect.bisect_right([1], 1, hi=1.5),
         lambda: bisect.bisect_right(1, 1), lambda: bisect.bisect_right([1], 1, lo=0, x=2),
         lambda: bisect.insort(1, 2), lambda: bisect.bisect_left(x=1, a=[0, 1, 2]),
         lambda: bisect.bisect_right([1], 1, a=[1]), lambda: bisect.bisect_right([1, 2, 3], 2, hi=10),
         lambda: bisect.bisect([1, 2], "a"), lambda: heapq.heappush(1, 2), lambda: heapq.heappop(1),
         lambda: heapq.heappop([]), lambda: heapq.heapify(1), lambda: heapq.heapreplace([], 1),
         lambda: heapq.heappushpop([], 1), lambda: heapq.heappush([1]), lambda: heapq.heappop(),
         lambda: heapq.heappush([1], 2, x=3), lambda: heapq.heappush([1, "a"], 2),
         lambda: heapq._heappop_max([]), lambda: heapq.heapify([1], 2), lambda: heapq.heappush([1, 2], "x"),
         lambda: heapq.heappush(None, 1)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
