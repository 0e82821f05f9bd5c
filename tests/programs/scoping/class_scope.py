x = "global"


class Example:
    x = "class"
    y = x + " derived"

    def method(self):
        return x

    def method_self(self):
        return self.x

    z = [x for _ in range(1)]
    w = (lambda: x)()


e = Example()
print(Example.y, e.method(), e.method_self(), Example.z, Example.w)


def make_class(value):
    class Local:
        attr = value

        def get(self):
            return value

    return Local


A = make_class("a")
B = make_class("b")
print(A.attr, A().get(), B.attr, B().get(), A.__qualname__)


class Counter:
    count = 0

    def increment(self):
        try:
            count += 1
        except UnboundLocalError as err:
            return type(err).__name__
        return "unreachable"

    def increment_right(self):
        Counter.count += 1
        return Counter.count


c = Counter()
print(c.increment(), c.increment_right(), c.increment_right())


class Nested:
    value = 1

    class Inner:
        try:
            value_seen = value
        except NameError as err:
            value_seen = f"{type(err).__name__}: {err}"


print(Nested.Inner.value_seen)
