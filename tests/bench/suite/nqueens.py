"""N-queens: every placement of n non-attacking queens, found by filtering the permutations of
the columns (a queen per row and per column) on the two diagonals. Written for gilvm's
benchmark suite; `--small` runs a short version for the correctness test."""

import sys
from itertools import permutations

SMALL = "--small" in sys.argv[1:]


def solutions(n):
    columns = range(n)
    for cols in permutations(columns):
        if n == len(set(cols[i] + i for i in columns)) == len(set(cols[i] - i for i in columns)):
            yield cols


def main():
    n = 6 if SMALL else 8
    rounds = 1 if SMALL else 12
    for _ in range(rounds):
        found = list(solutions(n))
    checksum = 0
    for cols in found:
        for i, c in enumerate(cols):
            checksum = (checksum * 31 + c * n + i) % 1000000007
    print("nqueens(%d): %d solutions, first %s, last %s, checksum %d" % (n, len(found), found[0], found[-1], checksum))


main()
