square = lambda x: x * x
add = lambda a, b=10: a + b
nothing = lambda: None
variadic = lambda *a, **k: (a, sorted(k))

print(square(7), add(1), add(1, 2), nothing(), variadic(1, 2, z=1, a=2))
print(square.__name__, (lambda: 0).__name__)

pairs = [(1, "one"), (3, "three"), (2, "two"), (0, "zero")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda p: p[0] * 2, pairs)))
print(list(filter(lambda p: p[0] % 2, pairs)))

ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "max": lambda a, b: a if a > b else b,
}
for name, op in ops.items():
    print(name, op(6, 4))

curried = lambda a: lambda b: lambda c: a + b + c
print(curried(1)(2)(3), curried("x")("y")("z"))
print((lambda *, k: k)(k="kw"), (lambda x, /: x)(5))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
