# permutations and combinations: order, sizes, edge cases of r, laziness and types.
from itertools import combinations, permutations

print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(len(list(permutations(range(6)))), len(list(permutations(range(7), 3))))
print(list(permutations([], 0)), list(permutations("ab", 0)), list(permutations("ab", 3)))
print(list(combinations(range(5), 3)))
print(list(combinations("abcd", 0)), list(combinations("ab", 5)), list(combinations([], 0)))
print(sum(1 for _ in combinations(range(12), 5)))

# The pool is taken when the iterator is made; items are shared, not copied.
items = [[1], [2], [3]]
perms = permutations(items)
items.append([4])
first = next(perms)
print(first, first[0] is items[0])

it = combinations(range(3), 2)
print(next(it), list(it), list(it))
print(iter(it) is it)
p = permutations(range(3))
print(type(p).__name__, type(combinations("a", 1)).__name__)

for bad in (-1, 1.5, "2"):
    for f in (permutations, combinations):
        try:
            f("abc", bad)
        except (TypeError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
try:
    permutations(5)
except TypeError as e:
    print(e)

# A checksum over a full walk (the nqueens benchmark's shape).
total = 0
for cols in permutations(range(7)):
    if 7 == len(set(cols[i] + i for i in range(7))) == len(set(cols[i] - i for i in range(7))):
        total += 1
print(total)

# A cycle through an iterator's pool is collected.
import gc
import weakref


class Node:
    pass


node = Node()
node.walk = combinations((node, 1), 1)
alive = weakref.ref(node)
del node
gc.collect()
print(alive() is None)
