def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result!r}")
        return result

    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper


@trace
def add(a, b):
    return a + b


add(2, 3)
print(add.__name__, add.__wrapped__(1, 1))


def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate


@repeat(3)
def shout(word):
    return word.upper()


print(shout("hey"))


def prefix(tag):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            return f"[{tag}] " + fn(*args, **kwargs)
        return wrapper
    return decorate


@prefix("outer")
@prefix("inner")
def message(text, end="."):
    return text + end


print(message("stacked"), message("x", end="!"))

calls = []


def register(fn):
    calls.append(fn.__name__)
    return fn


@register
def first():
    pass


@register
def second():
    pass


print(calls, first is not None)
