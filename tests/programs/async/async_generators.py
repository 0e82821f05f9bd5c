# Async generators: __anext__/asend/athrow/aclose, their awaitables, and the errors.
import types


class Pause:
    """Suspends the awaiting coroutine once, yielding `label` to whoever drives it."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


def run(coro):
    """Drives `coro` to the end, printing what it yields to the 'event loop'."""
    while True:
        try:
            print("  loop got", coro.send(None))
        except StopIteration as e:
            return e.value


async def ticker(n):
    for i in range(n):
        await Pause(f"tick {i}")
        yield i
    print("  ticker done")


agen = ticker(2)
print(type(agen).__name__, type(agen) is types.AsyncGeneratorType, agen.__name__)
print(agen.__aiter__() is agen, agen.ag_running, agen.ag_await, agen.ag_code.co_name)


async def collect(aiterable):
    out = []
    async for v in aiterable:
        out.append(v)
    return out


print(run(collect(ticker(3))))


async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    finally:
        print("  echo closing with", received)


async def talk():
    gen = echo()
    print(await gen.__anext__())
    print(await gen.asend("a"))
    print(await gen.asend("b"))
    await gen.aclose()
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")


run(talk())


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield f"handled {e}"


async def throwing():
    gen = catcher()
    print(await gen.__anext__())
    print(await gen.athrow(ValueError("bad")))
    try:
        await gen.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    print(await gen.aclose())


run(throwing())


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def ignore_exit():
    gen = stubborn()
    await gen.__anext__()
    try:
        await gen.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)


run(ignore_exit())


async def reuse():
    gen = ticker(1)
    step = gen.__anext__()
    print(await step)
    try:
        await step
    except RuntimeError as e:
        print("RuntimeError:", e)


run(reuse())


async def leaks_stop():
    yield 1
    raise StopAsyncIteration


async def bad_stop():
    try:
        await collect(leaks_stop())
    except RuntimeError as e:
        print("RuntimeError:", e)


run(bad_stop())

# The awaitables can be driven by hand too.
gen = ticker(1)
step = gen.asend(None)
print(type(step).__name__)
print(step.send(None))
try:
    step.send(None)
except StopIteration as e:
    print("asend finished with", e.value)
closer = gen.aclose()
print(type(closer).__name__)
try:
    closer.send(None)
except StopIteration as e:
    print("aclose finished with", e.value)
try:
    ticker(1).asend(5).send(None)
except TypeError as e:
    print("TypeError:", e)
