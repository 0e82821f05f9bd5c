def inner(x):
    return x[5]


def outer():
    return inner([1, 2])


print("before")
outer()
print("never")
