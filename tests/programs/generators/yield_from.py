def inner(n):
    for i in range(n):
        received = yield i
        if received:
            print("  inner got", received)
    return n * 100


def outer():
    a = yield from inner(2)
    print("  first inner returned", a)
    b = yield from inner(3)
    print("  second inner returned", b)
    return a + b


gen = outer()
print(list(gen))

gen = outer()
print(next(gen), gen.send("hello"), next(gen))


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


print(list(flatten([1, [2, [3, 4], []], [[5]], 6])))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3), (x * x for x in [4]))))


def delegate():
    result = yield from outer()
    yield f"total {result}"


print(list(delegate()))
