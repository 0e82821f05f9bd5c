def f():
    try:
        return "from try"
    finally:
        print("cleanup")


def g():
    try:
        1 / 0
    finally:
        return "finally wins"


def h():
    for i in range(3):
        try:
            return i
        finally:
            print("h finally", i)


print(f(), g(), h())


class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


with Ctx("a") as c:
    print("inside", c.name)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
try:
    with Ctx("c"), Ctx("d"):
        raise KeyError("k")
except KeyError:
    print("propagated")


def in_with():
    with Ctx("e"):
        return "returned"


print(in_with())
