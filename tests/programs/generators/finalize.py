# A suspended generator that is freed is closed first (PEP 442): GeneratorExit is thrown in
# at its `yield`, so its `finally` blocks and `with` exits run; an exception they raise goes
# to sys.unraisablehook. Freed by its last reference going, or by the cycle collector.
import gc
import sys


def hook(args):
    print("unraisable:", type(args.object).__name__, args.object.__name__,
          args.exc_type.__name__, args.exc_value)


sys.unraisablehook = hook


def counting(label):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", label)


print("-- last reference dropped")
g = counting("dropped")
next(g)
del g
print("after del")

print("-- reassigned")
g = counting("first")
next(g)
g = counting("second")
print("after reassign")
del g

print("-- a local reassigned, and a local at return")


def in_function():
    g = counting("local")
    next(g)
    g = None
    print("after local reassign")
    h = counting("at return")
    next(h)
    return 5


print(in_function())

print("-- break out of a for loop")
for x in counting("loop"):
    break
print("after loop")

print("-- never started, or finished: nothing to run")
g = counting("never started")
del g
g = counting("finished")
for x in g:
    pass
del g
print("done")


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return False


def with_block():
    with Resource("file"):
        yield "line"


print("-- with block")
g = with_block()
next(g)
del g


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


print("-- except GeneratorExit")
g = catches()
next(g)
del g


def raises_in_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


print("-- an exception in finally goes to the hook")
g = raises_in_finally()
next(g)
del g
print("after")


def yields_in_finally():
    try:
        yield 1
    finally:
        yield 2


print("-- yield in finally")
g = yields_in_finally()
next(g)
del g


def inner():
    try:
        yield "inner"
    finally:
        print("finally of inner")


def outer():
    try:
        yield from inner()
    finally:
        print("finally of outer")


print("-- yield from")
g = outer()
next(g)
del g


def in_a_cycle(box):
    try:
        yield 1
    finally:
        print("finally of the cycle's generator, box holds", len(box))


print("-- in a reference cycle: the collector closes it")
gc.collect()
box = []
g = in_a_cycle(box)
box.append(g)
next(g)
del g, box
print("before collect")
gc.collect()
print("after collect")


def locals_survive():
    data = [1, 2, 3]
    try:
        yield
    finally:
        print("finally sees its locals:", data)


print("-- locals are intact when finally runs")
g = locals_survive()
next(g)
del g


def closing_twice():
    try:
        yield
    finally:
        print("finally runs once")


print("-- closed explicitly, then freed")
g = closing_twice()
next(g)
g.close()
del g
print("end")
