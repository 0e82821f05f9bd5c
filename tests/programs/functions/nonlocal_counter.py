def make_counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    return increment, reset


inc, reset = make_counter(10, 5)
print(inc(), inc(), inc())
print(reset(), inc())
inc2, _ = make_counter()
print(inc2(), inc2(), inc())


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "changed by inner"

        inner()
        return x

    return middle(), x


print(outer())


def accumulate():
    total = 0
    history = []

    def add(v):
        nonlocal total
        total += v
        history.append(total)
        return add

    add(1)(2)(3)
    return total, history


print(accumulate())
