class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return [v * self.k * scale for v in (x,) + rest]


double = Multiplier(2)
print(double(1), double(1, 2, 3), double(5, scale=10), double.calls)
print(callable(double), callable(Multiplier), callable(5), callable("x"))
print(list(map(Multiplier(3), [1, 2])))


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache), type(fib).__name__)
not_callable = 5
try:
    not_callable()
except TypeError as e:
    print(type(e).__name__, e)
text = "abc"
try:
    text(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Memo(len)()
except TypeError as e:
    print(type(e).__name__, e)
