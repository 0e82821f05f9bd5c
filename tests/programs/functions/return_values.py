def no_return():
    x = 1


def bare_return():
    return


def multiple():
    return 1, "two", [3]


def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1


def conditional(flag):
    if flag:
        return "yes"


print(no_return(), bare_return(), multiple(), type(multiple()).__name__)
a, b, c = multiple()
print(a, b, c)
print(early(20), early(0), conditional(True), conditional(False))


def gen_like():
    return (x for x in range(3))


print(list(gen_like()))


def returns_function():
    def f():
        return "from inner"
    return f


print(returns_function()())
