def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")


def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)


e = echo()
print(next(e), e.send(1), e.send("two"))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(2))))


def with_return():
    yield 1
    return "result"


def delegator():
    value = yield from with_return()
    print("delegated returned", value)


print(list(delegator()))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]))
squares = (x * x for x in range(4))
print(next(squares), list(squares))


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


for i, v in zip(range(10), fib_gen()):
    print(i, v, end="; ")
print()
