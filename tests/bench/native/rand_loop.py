# A micro loop of docs/benchmarks.md ("Native cores"), timed against /usr/bin/python3.11.
import random
random.seed(1)
r = random.random
s = 0.0
for _ in range(1000000):
    s += r()
print(round(s / 1000000, 3))
