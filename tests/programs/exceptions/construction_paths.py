# Calling an exception class: `args` are the positional arguments whether or not
# BaseException.__init__ runs, a class's own __init__ (however it is defined or replaced)
# still runs, and `except` matches a class or a tuple of classes.
class Plain(Exception):
    pass


class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a * 10)
        self.b = b


class NoSuper(Exception):
    def __init__(self, *args):
        self.seen = args


class Later(Exception):
    pass


print(ValueError().args, ValueError(1).args, ValueError(1, "x").args)
print(Plain(3).args, repr(Plain("m")), str(Plain(1, 2)))
w = WithInit(4, b=5)
print(w.args, w.b)
n = NoSuper(1, 2)
print(n.args, n.seen)
print(Later(1).args)
Later.__init__ = lambda self, *args: setattr(self, "hooked", args)
print(Later(7).args, Later(7).hooked)
del Later.__init__
print(Later(8).args, hasattr(Later(8), "hooked"))
Later.__init__ = Exception.__init__
print(Later(9).args)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class Metad(Exception, metaclass=Meta):
    pass


print(Metad(1).args)


e = KeyError("k")
e.__init__("again", 2)
print(e.args)

caught = []
for exc in (ValueError(1), KeyError(2), Plain(3), TypeError(4), WithInit(5)):
    try:
        raise exc
    except (KeyError, Plain) as err:
        caught.append(("tuple", type(err).__name__))
    except ValueError as err:
        caught.append(("single", err.args))
    except Exception as err:
        caught.append(("base", type(err).__name__, err.args))
print(caught)

try:
    try:
        raise ValueError("x")
    except 42:
        pass
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise ValueError("y")
    except (ValueError, 42):
        print("matched before checking?")
except TypeError as err:
    print("TypeError:", err)
