def worker():
    print("  start")
    try:
        while True:
            try:
                job = yield
                print("  processing", job)
            except ValueError as e:
                print("  recovered from", e)
                yield "recovered"
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  cleanup")


w = worker()
next(w)
w.send("job1")
print(w.throw(ValueError("bad job")))
next(w)
w.send("job2")
w.close()
w.close()
print("closed twice without error")
try:
    w.send("after")
except StopIteration:
    print("StopIteration after close")


def fragile():
    yield 1
    yield 2


f = fragile()
print(next(f))
try:
    f.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))
print(list(f))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
