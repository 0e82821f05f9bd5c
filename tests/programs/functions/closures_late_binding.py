funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])

funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def make_multipliers():
    result = []
    for k in range(1, 4):
        def mul(x, k=k):
            return x * k
        result.append(mul)
    return result


print([m(10) for m in make_multipliers()])


def shared_cell():
    value = 1

    def get():
        return value

    value = 2
    first = get()
    value = 3
    return first, get()


print(shared_cell())


def adder(n):
    return lambda x: x + n


add5 = adder(5)
print(add5(1), adder(-1)(1), add5(add5(0)))


def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed


print(compose(str, abs, lambda v: v - 10)(3))
