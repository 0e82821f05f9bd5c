# The eval loop's fast call paths: arguments moved from the caller's stack into the new frame,
# recycled frames of other code, the code kept across recursion, closures sharing a cell tuple.


# Mutual recursion: every call switches to a frame of the other code.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(10), is_odd(7), is_even(7))


# The stack under a call survives it; arguments land in order.
def triple(a, b, c):
    return (a, b, c)


def sub(a, b):
    return a - b


print(1 + sub(10, 3) * 2 + sub(sub(20, 5), sub(4, 1)), triple(1, triple(2, 3, 4), 5))


# A recycled frame of code with more locals starts with them unbound.
def few(x):
    return x


def many(a):
    if a:
        b = 1
    try:
        return b
    except UnboundLocalError as e:
        return str(e)


print(few(1), many(True), many(False), few(2), many(False))


# A function that rebinds its own global name while it recurses.
def countdown(n):
    global countdown
    if n == 2:
        countdown = lambda n: "replaced at %d" % n
    return n if n <= 0 else countdown(n - 1)


print(countdown(5))


# Defaults filled after the moved arguments, for functions and methods and __init__.
def scaled(a, factor=2, offset=0):
    return a * factor + offset


class Vec:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx, dy=0):
        return Vec(self.x + dx, self.y + dy)


v = Vec(1).moved(2).moved(3, 4)
print(scaled(3), scaled(3, 3), scaled(3, 3, 1), v.x, v.y)

# Argument errors on the fast paths' fallbacks.
for call in (lambda: scaled(), lambda: scaled(1, 2, 3, 4), lambda: Vec(), lambda: v.moved()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# Closures: two functions share their cells; nonlocal writes seen by both; nested makers.
def make_pair():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count

    def read():
        return count

    return bump, read


bump, read = make_pair()
bump()
bump(5)
print(read(), bump.__code__.co_freevars, read.__code__.co_freevars)


def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c

        return inner

    return middle


print(outer(1)(10)(100), [outer(i)(i)(i) for i in range(4)])

adders = []
for i in range(3):
    adders.append(lambda x, k=i: x + k)
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])


# A closure over a variable deleted, and one read before it is bound.
def unbound_free():
    def get():
        return value

    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    value = 3
    print(get())
    del value
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)


unbound_free()


# super() reads the __class__ cell of a method.
class Base:
    def hello(self, who="base"):
        return "hello " + who


class Child(Base):
    def hello(self, who="child"):
        return super().hello(who) + "!"


print(Child().hello(), Child().hello("you"))


# Deep recursion hits the limit, and calls work again afterwards.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(is_even(20))


# An exception raised deep in a chain of calls unwinds all their frames.
def fail_at(n):
    if n == 0:
        raise ValueError("bottom")
    return fail_at(n - 1) + 1


try:
    fail_at(30)
except ValueError as e:
    print("ValueError:", e)
print(sub(9, 4), triple(*"abc"))
