# itertools' lazy iterators (docs/benchmarks.md, "Native itertools"): count, repeat, chain,
# islice, starmap, takewhile, dropwhile in loops. Prints a checksum.
from itertools import chain, count, dropwhile, islice, repeat, starmap, takewhile

total = 0
for i, x in zip(count(), range(300_000)):
    total += i
for x in repeat(3, 300_000):
    total += x
for x in chain(range(100_000), range(100_000), [1, 2, 3] * 30_000):
    total += x
for x in islice(count(5, 2), 10, 400_000, 3):
    total += x
for x in starmap(max, zip(range(100_000), repeat(50_000))):
    total += x
for x in takewhile(lambda v: v < 150_000, count()):
    total += x
for x in dropwhile(lambda v: v < 100_000, range(200_000)):
    total += x
print(total)
