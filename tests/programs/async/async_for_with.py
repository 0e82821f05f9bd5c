# async for / async with: the protocols, else clauses, break/continue/return, errors.


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")


async def main():
    async with Manager("a") as a, Manager("b") as b:
        print("inside", a, b)
    async with Manager("quiet", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Manager("loud"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", e)
    total = 0
    async for i in Counter(5):
        if i == 2:
            continue
        if i == 4:
            break
        total += i
    else:
        print("not reached")
    print("total", total)
    async for i in Counter(2):
        print("item", i)
    else:
        print("else ran")
    async for x in Counter(0):
        print("never")
    return "main done"


print(run(main()))


async def early_return():
    async with Manager("ret"):
        async for i in Counter(3):
            if i == 2:
                return i
    return None


print(run(early_return()))


class NoAiter:
    pass


class BadAiter:
    def __aiter__(self):
        return 42


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class NotAwaitableEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *exc):
        return False


class OnlyAenter:
    async def __aenter__(self):
        return 1


async def loop_over(obj):
    async for _ in obj:
        pass


async def enter(obj):
    async with obj:
        pass


for maker in (
    lambda: loop_over(NoAiter()),
    lambda: loop_over(BadAiter()),
    lambda: loop_over(BadAnext()),
    lambda: enter(NotAwaitableEnter()),
    lambda: enter(OnlyAenter()),
    lambda: enter(object()),
):
    try:
        run(maker())
    except TypeError as e:
        print("TypeError:", e)


async def await_int():
    await 5


class BadAwait:
    def __await__(self):
        return 3


async def await_bad():
    await BadAwait()


for make in (await_int, await_bad):
    try:
        run(make())
    except TypeError as e:
        print("TypeError:", e)


async def raise_inside_loop():
    # The body leaves more on the stack (a loop's iterator) when it raises.
    async with Manager("loop", suppress=True):
        for i in (1, 2, 3):
            if i == 2:
                raise IndexError(i)
    return "suppressed inside loop"


print(run(raise_inside_loop()))
