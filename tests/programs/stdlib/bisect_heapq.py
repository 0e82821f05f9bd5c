import bisect
import heapq
import random

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 4, lo=4, hi=6))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
bisect.insort_left(recs, ("e", 1), key=lambda r: r[1])
print(recs)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
for call in [lambda: bisect.bisect([1], 1, -1), lambda: bisect.insort_left([], 1, -2), lambda: bisect.bisect(None, 1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

h = []
for x in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, x)
print(h, h[0])
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 100), data[0])
print(heapq.heapreplace(data, 50), data)
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(3, [5, 1, 9, 3, 7]))
print(heapq.nlargest(1, [2, 8, 3]), heapq.nsmallest(1, []), heapq.nsmallest(10, [3, 1, 2]))
words = ["pear", "fig", "banana", "kiwi", "apple", "plum"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(3, iter(range(20))), heapq.nsmallest(2, iter([4, 4, 1, 1])))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([], [1], [])))
random.seed(3)
xs = [random.randrange(1000) for _ in range(200)]
heap = []
for x in xs:
    heapq.heappush(heap, (x % 17, x))
out = [heapq.heappop(heap) for _ in range(len(heap))]
print(out == sorted(out), out[:5])
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "ship"))
while tasks:
    print(heapq.heappop(tasks))
for call in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1), lambda: heapq.heapify(None)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
