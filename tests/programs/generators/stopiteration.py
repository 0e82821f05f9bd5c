def limited():
    yield "a"
    return "the end"


g = limited()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, repr(e.value), e.args)
print(next(g, "default"), next(g, None))


def raises_stop():
    yield 1
    raise StopIteration("inside")


try:
    list(raises_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)


def empty():
    return
    yield


print(list(empty()), type(empty()).__name__)
it = iter([1, 2])
print(next(it), next(it), next(it, "exhausted"))
try:
    next(iter({}))
except StopIteration as e:
    print("empty dict iterator:", repr(e))


def running():
    yield gen_ref.gi_running


gen_ref = running()
print(next(gen_ref), gen_ref.gi_running)


def recursive_gen():
    yield next(self_gen)


self_gen = recursive_gen()
try:
    next(self_gen)
except ValueError as e:
    print(type(e).__name__, e)
