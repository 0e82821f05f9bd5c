# repr(float) picks, among the shortest digit strings that round-trip, the nearest one
# (and the even last digit on an exact tie), as CPython's dtoa does.
print(161852602146008.12, -788830060729777.2, 1959276370239205.2, 2.0 ** -24, 1551914181997927.3)
values = []
x = 1.0
for i in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    values.append(x * 2.0 ** (i % 61 - 40) + i / 7)
print(hash(tuple(repr(v) for v in values)) == hash(tuple(repr(v) for v in values)))
for v in values[::150]:
    print(repr(v))
print(sum(len(repr(v)) for v in values))
print(all(float(repr(v)) == v for v in values), 2 ** 52 + 0.5, 0.1 + 0.2, 1e22, 1e23)
