# A micro loop of docs/benchmarks.md ("Native cores"), timed against /usr/bin/python3.11.
from collections import deque
d = deque()
for i in range(100000):
    d.append(i)
t = 0
while d:
    t += d.popleft()
print(t)
