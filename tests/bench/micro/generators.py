# Generator functions driven by for loops, sum() and a generator expression.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def run(n):
    total = 0
    for x in evens(count_up(n)):
        total += x
    total += sum(x * 2 for x in range(n))
    return total


print(run(3_000_000))
