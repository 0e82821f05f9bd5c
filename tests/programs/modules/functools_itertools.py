import functools
import itertools
from functools import partial, reduce, wraps

print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)
power = partial(pow, 2)
base_two = partial(int, base=2)
print(power(10), base_two("1011"), power.args, base_two.keywords)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """The wrapper."""
        return func(*args, **kwargs)

    return wrapper


@logged
def greet(name):
    """Says hello."""
    return "hello " + name


print(greet("ada"), greet.__name__, greet.__doc__, greet.__wrapped__("bob"))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.repeat("x", 3)))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable(["xy", "z"])))
print(list(itertools.islice("abcdefg", 2, None, 2)), list(itertools.islice(range(10), 3)))
print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=2))))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.pairwise("abcd")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.filterfalse(None, [0, 1, "", "x"])))
