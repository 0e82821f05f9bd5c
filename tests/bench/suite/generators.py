"""Generators: in-order walks of a balanced binary tree with recursive generators (`yield from`
at every level), plus a pipeline of generator expressions and a hand-written iterator chain.
Written for gilvm's benchmark suite; `--small` runs a short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def numbers(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def main():
    size = 2000 if SMALL else 45000
    walks = 2 if SMALL else 10
    tree = build(0, size)
    total = 0
    for _ in range(walks):
        previous = -1
        for value in tree:
            if value != previous + 1:
                print("out of order")
            previous = value
            total += value
    pipeline = sum(evens(squares(numbers(size * 10))))
    expression = sum(x * 3 for x in (y + 1 for y in range(size * 10)) if x % 3)
    print("generators:", total, pipeline, expression)


main()
