# A micro loop of docs/benchmarks.md ("Native cores"), timed against /usr/bin/python3.11.
import heapq, random, bisect
rng = random.Random(1)
h = []
for i in range(200000):
    heapq.heappush(h, rng.random())
t = 0.0
while h:
    t += heapq.heappop(h)
a = []
for i in range(20000):
    bisect.insort(a, rng.randrange(1000000))
print(round(t, 3), len(a), bisect.bisect_left(a, 500000))
