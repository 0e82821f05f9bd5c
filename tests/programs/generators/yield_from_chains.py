# A chain of `yield from`s resumed from its outer end: values, sent values, return values,
# exceptions (caught halfway up, or escaping with a traceback through every level),
# re-entry while running, and a chain deeper than the recursion limit.
import sys
import traceback


def leaf(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def middle(n):
    result = yield from leaf(n)
    yield ("leaf returned", result)
    return len(result)


def outer(n):
    r = yield from middle(n)
    return ("middle returned", r)


g = outer(3)
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("c"))
try:
    g.send("d")
except StopIteration as e:
    print("stop", e.value)


def nested(depth):
    if depth == 0:
        yield "bottom"
        yield "bottom again"
        return "done"
    r = yield from nested(depth - 1)
    return r


print(list(nested(50)))


def failing():
    yield 1
    raise ValueError("from the bottom")


def catcher():
    try:
        yield from failing()
    except ValueError as e:
        yield "caught " + str(e)
    yield "after"


def pass_through():
    yield from catcher()


print(list(pass_through()))


def relay():
    yield from failing()


def top():
    yield from relay()


try:
    list(top())
except ValueError:
    lines = traceback.format_exc().splitlines()
    print("\n".join(line for line in lines if not line.startswith("  File")))
    print([line.split(", ")[1] for line in lines if line.startswith("  File")])


def stop_inside():
    yield 1
    raise StopIteration("escaped")


def wraps_stop():
    yield from stop_inside()


try:
    list(wraps_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def reenter():
    yield 1
    yield next(chain)


def front():
    yield from reenter()


chain = front()
print(next(chain))
try:
    next(chain)
except ValueError as e:
    print("ValueError:", e)
print(chain.gi_running)


def deep(depth):
    if depth == 0:
        yield "deep"
        return
    yield from deep(depth - 1)


def build(depth):
    g = deep(0)
    for _ in range(depth):
        g = (lambda inner: (yield from inner))(g)
    return g


shallow = build(100)
print(next(shallow))
too_deep = build(5000)
try:
    next(too_deep)
    print("no error")
except RecursionError as e:
    print("RecursionError:", e)


def closer():
    try:
        yield from leaf(5)
    finally:
        print("closer finally")


c = closer()
next(c)
next(c)
c.close()
print(c.gi_frame, c.gi_yieldfrom)
