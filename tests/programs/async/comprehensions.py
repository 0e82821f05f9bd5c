# Async comprehensions and await inside comprehensions; async generator expressions.


class Pause:
    def __await__(self):
        yield "pause"


def run(coro):
    pauses = 0
    while True:
        try:
            coro.send(None)
            pauses += 1
        except StopIteration as e:
            return e.value, pauses


async def numbers(n):
    for i in range(n):
        await Pause()
        yield i


async def square(x):
    await Pause()
    return x * x


async def main():
    print([x async for x in numbers(4)])
    print({x % 2 async for x in numbers(4)})
    print({x: await square(x) async for x in numbers(3)})
    print([await square(x) for x in range(3)])
    print([y for x in range(3) async for y in numbers(x)])
    print([x async for x in numbers(6) if x % 2 if x > 1])
    print([[y async for y in numbers(x)] for x in range(3)])
    gen = (await square(x) for x in range(3))
    print(type(gen).__name__)
    print([v async for v in gen])
    agen = (x * 10 async for x in numbers(3))
    print(type(agen).__name__, [v async for v in agen])
    return "done"


print(run(main()))


def outside():
    # An async generator expression may be written in a plain function.
    return (x async for x in numbers(2))


print(type(outside()).__name__)
print(run(outside().__anext__()))
