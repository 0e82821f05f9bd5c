# The coroutine protocol driven by hand: send/throw/close, __await__, cr_* attributes.
import types


async def double(x):
    return x * 2


async def chain():
    a = await double(3)
    b = await double(a)
    return a + b


c = chain()
print(type(c).__name__, c.__name__, c.__qualname__, type(c) is types.CoroutineType)
print(c.cr_running, c.cr_await, c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


class Step:
    """An awaitable whose __await__ is a generator: it suspends the coroutine once."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return (self.label, sent)


async def two_steps():
    first = await Step("one")
    second = await Step("two")
    return [first, second]


co = two_steps()
print(co.send(None))
print(co.cr_await is not None)
print(co.send("a"))
try:
    co.send("b")
except StopIteration as e:
    print("done", e.value)


async def guarded():
    try:
        await Step("wait")
    except KeyError as e:
        print("caught", repr(e))
        return "recovered"


co = guarded()
co.send(None)
try:
    co.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)


async def closing():
    try:
        await Step("x")
    finally:
        print("finally ran")


co = closing()
co.send(None)
co.close()
print(co.cr_frame)

# __await__ on a coroutine gives an iterator that drives it.
w = double(21).__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper result", e.value)

unstarted = two_steps()
try:
    unstarted.send(1)
except TypeError as e:
    print("TypeError:", e)
unstarted.close()


async def raises_stop():
    raise StopIteration


try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

co = double(1)
try:
    iter(co)
except TypeError as e:
    print("TypeError:", e)
try:
    next(co)
except TypeError as e:
    print("TypeError:", e)
co.close()


@types.coroutine
def legacy():
    value = yield "legacy-step"
    return value


async def uses_legacy():
    return await legacy()


co = uses_legacy()
print(co.send(None))
try:
    co.send(7)
except StopIteration as e:
    print("legacy result", e.value)

# The abstract base classes and inspect see coroutines and async generators.
import collections.abc as abc
import inspect


async def agen():
    yield


co, ag = double(0), agen()
print(isinstance(co, abc.Awaitable), isinstance(co, abc.Coroutine))
print(isinstance(ag, abc.AsyncIterator), isinstance(ag, abc.AsyncGenerator))
print(inspect.iscoroutinefunction(double), inspect.isasyncgenfunction(agen))
print(inspect.isawaitable(co), inspect.iscoroutine(co), inspect.isasyncgen(ag))
print(hex(double.__code__.co_flags), hex(agen.__code__.co_flags))
co.close()
