import sys

# Python-to-Python calls do not use the native stack (in CPython 3.11 as in gilvm), so a
# raised recursion limit allows very deep recursion without crashing the process.
sys.setrecursionlimit(120000)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(100000))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
