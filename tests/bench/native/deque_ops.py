# deque's shapes (docs/benchmarks.md, "Native deque"): a FIFO queue (append/popleft), a
# stack at the left end (appendleft/popleft), rotate, iteration, `in`, indexing, a bounded
# window. Prints a checksum; timed against /usr/bin/python3.11 with /work/ab.py-style runs.
from collections import deque


def fifo(n):
    q = deque()
    total = 0
    for i in range(n):
        q.append(i)
        if len(q) > 100:
            total += q.popleft()
    return total + sum(q)


def left_end(n):
    q = deque()
    for i in range(n):
        q.appendleft(i)
    total = 0
    while q:
        total += q.popleft()
    return total


def rotating(n):
    q = deque(range(1000))
    total = 0
    for i in range(n):
        q.rotate(7)
        total += q[0]
    return total


def iterating(rounds):
    q = deque(range(10000))
    total = 0
    for _ in range(rounds):
        for x in q:
            total += x
    return total


def searching(rounds):
    q = deque(range(300))
    hits = 0
    for i in range(rounds):
        if (i % 600) in q:
            hits += 1
    return hits


def window(n):
    w = deque(maxlen=16)
    total = 0
    for i in range(n):
        w.append(i)
        total += w[-1] - w[0]
    return total


print(fifo(400_000), left_end(300_000), rotating(200_000), iterating(40), searching(20_000), window(300_000))
