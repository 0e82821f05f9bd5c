# throw() and close() on a generator suspended in `yield from` go to the sub-generator
# first (PEP 380); gi_yieldfrom shows what it delegates to.
log = []


class Spam(Exception):
    pass


def writer():
    try:
        while True:
            try:
                w = yield
            except Spam:
                log.append("***")
            else:
                log.append(f">> {w}")
    finally:
        log.append("writer closed")


def wrapper(coro):
    result = yield from coro
    log.append(f"wrapper got {result}")


w = writer()
wrap = wrapper(w)
wrap.send(None)
for item in [0, 1, "spam", 2]:
    if item == "spam":
        wrap.throw(Spam)
    else:
        wrap.send(item)
print(wrap.gi_yieldfrom is w)
wrap.close()
print(log)


def finisher():
    try:
        yield 1
    except KeyError:
        return "handled"


def outer():
    value = yield from finisher()
    print("inner returned", value)
    yield "after"


g = outer()
print(next(g))
print(g.throw(KeyError))
print(g.gi_yieldfrom)


def unhandled():
    yield from finisher()


g = unhandled()
next(g)
try:
    g.throw(ValueError("passes through"))
except ValueError as e:
    print("ValueError:", e)


class Delegate:
    """An iterator with throw() and close() of its own."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def throw(self, exc):
        print("Delegate.throw", exc.__name__ if isinstance(exc, type) else type(exc).__name__)
        raise StopIteration("stopped")

    def close(self):
        print("Delegate.close")


def over_delegate():
    result = yield from Delegate()
    print("delegate result", result)
    yield "done"


g = over_delegate()
print(next(g), next(g))
print(g.throw(Spam))
g = over_delegate()
next(g)
g.close()
it = iter([1, 2, 3])


def plain():
    yield from it


g = plain()
next(g)
print(g.gi_yieldfrom is it)
print(list(g), g.gi_yieldfrom)
try:
    g = plain()
    it = iter([5])
    next(g)
    g.throw(IndexError("no throw method on list_iterator"))
except IndexError as e:
    print("IndexError:", e)
