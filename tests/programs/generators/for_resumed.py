# A `for` loop over a generator resumes the generator's frame in place (no nested eval loop):
# its yields, its return, the exceptions that escape it and its state must look as when
# `next` drives it.
import sys
import traceback


def raises_stop():
    yield 1
    raise StopIteration("inner")


try:
    for x in raises_stop():
        print("got", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)


def divides():
    yield 1
    return 1 / 0


try:
    for x in divides():
        print("got", x)
except ZeroDivisionError:
    names = [entry.name for entry in traceback.extract_tb(sys.exc_info()[2])]
    print("traceback through:", names)


def iterates_itself():
    for x in me:
        yield x


me = iterates_itself()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError:", e)


def watched():
    print("running inside:", gen.gi_running)
    yield 1
    print("caller:", sys._getframe().f_back.f_code.co_name)
    yield 2


gen = watched()


def consume():
    for x in gen:
        print(x, "running between items:", gen.gi_running)


consume()
print("after the loop:", gen.gi_running, gen.gi_frame)


def stack_shown():
    print([entry.name for entry in traceback.extract_stack()][-3:])
    yield


def outer_loop():
    for _ in stack_shown():
        pass


outer_loop()


def cleaned_up():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


for x in cleaned_up():
    print("break at", x)
    break
print("after break")


def returns_value():
    yield 1
    return "dropped"


print(list(returns_value()), [x for x in returns_value()])


def nested_loops():
    for x in range(2):
        for y in returns_value():
            yield x, y


for pair in nested_loops():
    print(pair)


def depth(n):
    if n:
        for x in depth(n - 1):
            yield x + 1
    else:
        yield 0


print(list(depth(30)), sum(1 for _ in depth(5)))


def endless(n):
    for x in endless(n + 1):
        yield x
    yield n


try:
    for x in endless(0):
        pass
except RecursionError:
    print("RecursionError from an endless chain of for loops")


def half_used():
    for i in range(4):
        yield i


h = half_used()
print("next:", next(h))
for x in h:
    print("loop:", x)
    if x == 2:
        break
print("next after break:", next(h))
for x in h:
    print("never")
print("exhausted loop done")


def handled_inside():
    try:
        yield 1
        {}["missing"]
    except KeyError as e:
        yield "caught " + repr(e)
    yield "after"


for x in handled_inside():
    print(x)


def delegates():
    yield "first"
    yield from returns_value()
    yield from [7, 8]
    yield "last"


print(list(delegates()))
for x in delegates():
    print("delegated:", x)


def sends_to_other(other):
    for x in other:
        yield x * 10


pipeline = sends_to_other(sends_to_other(iter(range(3))))
print(list(pipeline))


def catches_in_loop():
    yield 1
    raise KeyError("k")


def consumer_handles():
    results = []
    try:
        for x in catches_in_loop():
            results.append(x)
    except KeyError as e:
        results.append(repr(e))
    return results


print(consumer_handles())


def closes_on_throw():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit inside")
        raise


c = closes_on_throw()
for x in c:
    break
c.close()
print("closed:", c.gi_frame)

t = closes_on_throw()
for x in t:
    try:
        t.throw(ValueError("thrown"))
    except ValueError as e:
        print("throw reached:", e)
    break


class Counter:
    def __iter__(self):
        yield from range(3)


for x in Counter():
    print("method generator:", x)
