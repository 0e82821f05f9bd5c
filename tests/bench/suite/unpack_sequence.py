"""Unpack sequence: tuple and list unpacking into many names, in long unrolled runs (the
UNPACK_SEQUENCE path of the interpreter). Written for gilvm's benchmark suite; `--small` runs a
short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]


def unpack_tuples(t, loops):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        x, y = a, j
        x, y = y, x
        total += x - y + e
    return total


def unpack_lists(l, loops):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        first, *middle, last = l
        total += first + last - len(middle) + c
    return total


def main():
    loops = 5000 if SMALL else 400000
    t = tuple(range(10))
    l = list(range(100, 110))
    print("unpack_sequence:", unpack_tuples(t, loops), unpack_lists(l, loops))


main()
