"""Fannkuch-redux: for every permutation of 1..n, count the pancake flips until 1 is first;
prints the permutation checksum and the maximum flip count. Written for gilvm's benchmark suite;
`--small` runs a short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]


def fannkuch(n):
    perm = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        # Count the flips of this permutation.
        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[: first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        # Next permutation, in the order of the benchmarks game's algorithm.
        sign = -sign
        while r != 1:
            count[r - 1] = r
            r -= 1
        while True:
            if r == n:
                return checksum, max_flips
            head = perm[0]
            perm[:r] = perm[1 : r + 1]
            perm[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = 7 if SMALL else 8
    rounds = 1 if SMALL else 8
    for _ in range(rounds):
        checksum, flips = fannkuch(n)
    print("fannkuch(%d): checksum %d, max flips %d" % (n, checksum, flips))


main()
