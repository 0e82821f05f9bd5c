class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught = exc
            return True
        return False


with Suppress(KeyError) as s:
    {}["gone"]
print("suppressed", repr(s.caught))

with Suppress(ArithmeticError) as s:
    1 // 0
print("suppressed", type(s.caught).__name__)

try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("passed through:", e)


def in_function():
    with Suppress(ValueError):
        int("x")
        return "unreached"
    return "after with"


print(in_function())
