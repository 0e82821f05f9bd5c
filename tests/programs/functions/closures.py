def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())

total = 0


def add(n):
    global total
    total += n


add(5)
add(7)
print(total)


def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]


print([f(10) for f in make_adders()])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    return middle()


print(outer())


def decorator(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


@decorator
def hello(name):
    return "hello " + name


print(hello("world"))
