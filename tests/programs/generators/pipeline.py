def read_lines(text):
    for line in text.splitlines():
        yield line


def strip_comments(lines):
    for line in lines:
        code = line.split("#", 1)[0].rstrip()
        if code:
            yield code


def numbered(lines, start=1):
    n = start
    for line in lines:
        yield n, line
        n += 1


def take(n, iterable):
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item


source = """x = 1  # set x
# full comment

y = x + 2
print(y)   # show
z = 3"""

for n, line in numbered(strip_comments(read_lines(source))):
    print(f"{n:3}: {line}")


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(take(5, naturals())), list(take(12, fib())))
evens = (n for n in naturals() if n % 2 == 0)
print(list(take(4, evens)), next(evens))
print(list(take(3, zip(naturals(), fib(), "xyz"))))
