count = 10


def broken():
    print("before assignment")
    count += 1
    return count


try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))


def conditional_assign(flag):
    if flag:
        value = "set"
    return value


print(conditional_assign(True))
try:
    conditional_assign(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)


def deleted():
    x = 1
    del x
    return x


try:
    deleted()
except UnboundLocalError as e:
    print(type(e).__name__, e)


def reads_then_assigns_later():
    result = count
    return result


print(reads_then_assigns_later())
try:
    print(never_defined)
except NameError as e:
    print(type(e).__name__, e)


def outer():
    y = 1

    def inner():
        print(y)
        y = 2

    inner()


try:
    outer()
except UnboundLocalError as e:
    print(type(e).__name__, e)
