"""A realistic program exercising most of the grammar."""

import collections
from functools import reduce as fold, partial


class Node:
    """A binary tree node."""

    count: int = 0

    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left, self.right = left, right
        Node.count += 1

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right

    def __repr__(self):
        return f"Node({self.value!r}, left={self.left}, right={self.right})"


class Tree(collections.abc.Iterable, metaclass=type):
    def __init__(self, *values, key=lambda v: v, **options):
        self.root = None
        self.key = key
        self.options = {**options, "size": 0}
        for v in values:
            self.insert(v)

    def insert(self, value, /):
        def place(node):
            nonlocal value
            if node is None:
                return Node(value)
            elif self.key(value) < self.key(node.value):
                node.left = place(node.left)
            else:
                node.right = place(node.right)
            return node

        self.root = place(self.root)
        self.options["size"] += 1

    def __iter__(self):
        return iter(self.root or ())


def make_counter(start=0):
    total = start

    def increment(step=1):
        nonlocal total
        total += step
        return total

    return increment


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def risky(n):
    try:
        if n < 0:
            raise ValueError(f"negative: {n}")
        result = 10 // n
    except ZeroDivisionError as exc:
        print("division by zero", exc)
        result = None
    except (TypeError, ValueError):
        raise
    else:
        print("ok")
    finally:
        print("done")
    return result


def matrix_stats(rows):
    flat = [x for row in rows for x in row if x % 2 == 0 if x > 0]
    squares = {x: x ** 2 for x in flat}
    unique = {abs(x) for x in flat}
    lazy = (x * 2 for x in flat)
    total = sum(x for x in lazy)
    first, *rest = flat or [0]
    return total, squares, unique, first, rest[::-1], rows[1:3, ::2] if False else rows[0]


with open(__file__) as handle, open(__file__) as other:
    lines = handle.read().splitlines()

counter = make_counter()
counter(); counter(2)
width = 10
print(f"{'name':>{width}} | {counter()=} | {3.14159:.2f} | {{literal}}")
assert (n := len(lines)) > 0, "file is empty"
values = [-2 ** 2, not 1 < 2 <= 3, 1 if True else 2, ~5 & 3 | 1 ^ 2 << 1 >> 1]
tree = Tree(5, 3, 8, 1, key=abs)
print(list(tree), fold(lambda a, b: a + b, tree, 0), partial(print, sep="")(1, 2))
del values[0], tree.options
data = b"\x00\x01" b'raw' rb'\d'
text = 'single' "double" '''triple
quoted''' r"\raw"
i = 0
for i, (a, b) in enumerate(zip(range(3), "abc")):
    if i == 1:
        continue
    elif i == 2:
        break
else:
    pass
global_var = [*range(3), *"ab"]
