"""Spectral norm: the largest singular value of the infinite matrix A(i, j) = 1/((i+j)(i+j+1)/2
+ i + 1), by power iteration on A^T A. Written for gilvm's benchmark suite; `--small` runs a
short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]


def entry(i, j):
    return 1.0 / (((i + j) * (i + j + 1) >> 1) + i + 1)


def times(u):
    n = len(u)
    return [sum([entry(i, j) * u_j for j, u_j in enumerate(u)]) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum([entry(j, i) * u_j for j, u_j in enumerate(u)]) for i in range(n)]


def times_ata(u):
    return times_transposed(times(u))


def main():
    n = 24 if SMALL else 235
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("spectral_norm: %d %.12f" % (n, (vbv / vv) ** 0.5))


main()
