# eval/exec of a function's code object: its parameters are bound as by a call without
# arguments (missing ones raise TypeError), *args/**kwargs are empty, free variables refused.
def one(x):
    return x


def several(a, b=2, *, c):
    return a


def star(*args, **kwargs):
    return (args, kwargs)


def none():
    return "no parameters"


def outer():
    v = 1

    def inner():
        return v

    return inner


for who, run in (("eval", eval), ("exec", exec)):
    for f in (one, several, star, none, outer()):
        try:
            print(who, f.__name__, run(f.__code__))
        except TypeError as e:
            print(who, f.__name__, "TypeError:", e)

scope = {"__builtins__": __builtins__, "y": 5}


def reads_global(q=1, *rest):
    return y + q if rest else ("rest empty", y)


try:
    print(eval(reads_global.__code__, scope))
except TypeError as e:
    print("TypeError:", e)
