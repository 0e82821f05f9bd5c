"""Recursive Fibonacci: the CPU-bound workload of Beazley's GIL experiments.

Usage: gilvm programs/fib.py [N]   (N defaults to 30; CPython runs this file unchanged)
"""

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(f"fib({n}) = {fib(n)}")


if __name__ == "__main__":
    main()
