# Sorting: stability, key tuples of mixed native types, sorted and reversed input, NaN keys,
# comparisons that raise or are inconsistent, and the number of comparisons on sorted input.
import random

rng = random.Random(7)
words = ["".join(rng.choice("abcde") for _ in range(rng.randint(1, 4))) for _ in range(500)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
print(ranked[:8], len(ranked))
print(sorted(words)[:10], sorted(words, reverse=True)[:5])
pairs = [(rng.randint(0, 5), i) for i in range(300)]
print(sorted(pairs, key=lambda p: p[0])[:12] == [p for k in range(6) for p in pairs if p[0] == k][:12])
print(sorted(range(100), key=lambda i: i % 7)[:20])
print(sorted([(1, "b"), (1, "a"), (0.5, "z"), (1, "a", 2.5), (True, "c"), (1,)]))
print(sorted([3.0, 1, 2.5, -1, 10**20, -(10**20)]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]), sorted([(nan, 1), (nan, 0)]))
print(sorted([(nan, 2), (nan, 1)]))


class Counted:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.calls += 1
        return self.v < other.v


items = [Counted(i) for i in range(1000)]
sorted(items)
print("sorted input:", Counted.calls, "comparisons")
Counted.calls = 0
out = sorted(items, reverse=True)
print("reversed:", out[0].v, out[-1].v)
shuffled = items[:]
rng.shuffle(shuffled)
print([c.v for c in sorted(shuffled)] == list(range(1000)))


class Moody:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return rng.random() < 0.5


moody = [Moody(i) for i in range(200)]
print(sorted(v.v for v in sorted(moody)) == list(range(200)))
try:
    sorted([3, 1, "x", 2])
except TypeError as e:
    print("TypeError:", e)


class Boom:
    def __lt__(self, other):
        raise ValueError("boom")


try:
    sorted([Boom(), Boom(), Boom()])
except ValueError as e:
    print("ValueError:", e)
xs = [5, 3, 1]
try:
    xs.sort(key=lambda v: 1 / (v - 3))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, xs)
