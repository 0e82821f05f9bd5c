# Details of the built-in types: slots answering NotImplemented, reflected and rounding
# slots, dict union, property as a descriptor, the iterator types, super(C), singletons.
print((1).__eq__("x"), (1.5).__lt__([]), "a".__eq__(1), [].__eq__(()), (1).__add__("x"))
print((1.0).__rtruediv__(2.0), (7).__rfloordiv__(20), (3).__rpow__(2), (5).__rmod__(17))
print((2.5).__divmod__(2.0), (7).__rdivmod__(30), (2.5).__floor__(), (-2.5).__ceil__())
print((7).__trunc__(), (2.675).__round__(2), (15).__round__(-1), round(1.0, -1000), round(-1.0, -400))


class MyInt(int):
    pass


print(round(MyInt(5)), type(round(MyInt(5))).__name__, round(MyInt(15), -1))
print((5).__init__(), (0.0).as_integer_ratio(), (-2) ** 0.5, pow(-8, 1 / 3))
print(ord(b"a"), ord(bytearray(b"z")), float(b"3.25"), float(b" -1e3 "))
a, b = {1: 2, 2: 3}, {3: 4, 2: 5}
print(a | b, a.__or__(b), b.__ror__(a), a.__or__([1]), a.__ror__("x"))
c = dict(a)
print(c.__ior__([(9, 9)]), c)
p = property(lambda self: self * 2, lambda self, v: print("set", self, v))
print(p.__get__(21), p.__get__(None, int) is p, p.__set__(1, 2))
for call in [lambda: property().__get__(1), lambda: p.__delete__(3), lambda: ord(b"ab")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(type(enumerate([])) is enumerate, type(map(abs, [])) is map, type(zip()) is zip)
print(type(filter(None, [])).__name__, isinstance(map(abs, []), map), list(enumerate("ab", 5)))


def stop_at_zero(x):
    if x == 0:
        raise StopIteration
    return x


print(list(map(stop_at_zero, [3, 2, 0, 1])), list(filter(stop_at_zero, [4, 0, 5])))
s = super(list)
print(s.__thisclass__, s.__self__, s.__self_class__)
it = iter("你好呀")
it.__setstate__(1)
print(next(it), it.__reduce__()[1:], iter([1, 2]).__reduce__()[1:], iter(()).__reduce__()[1:])
it = iter([1, 2, 3])
it.__setstate__(10)
print(list(it), Ellipsis.__reduce__(), NotImplemented.__reduce__(), type(...)() is ...)
for call in [lambda: int.__new__(str), lambda: type(...).__new__(int), lambda: dict.__new__(list)]:
    try:
        call()
    except TypeError as e:
        print(e)


def f(x):
    return x * 256 + len("Constant String")


print([c for c in f.__code__.co_consts if c is not None])


class Obj:
    pass


print(Obj().__ne__(Obj()), Obj().__eq__(1), (lambda: 0).__builtins__ is __builtins__.__dict__)
print(type(__builtins__).__name__, __cached__)
for v in [3.1415, 123.0, 1.5, 0.0, 1e-5, 99.99, 12345.678, 0.5, 1e20, -2.5]:
    print(f"{v:.0}|{v:.1}|{v:.2}|{v:.3}|{v:#.3}|{v:.10}|{v:.1%}")


class BadFormat:
    def __format__(self, spec):
        return 42


for call in [lambda: format(BadFormat()), lambda: format("x", " "), lambda: format("x", ",")]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(f"{12345.6 + 7890.1j:,}|{12345.6 + 7890.1j:_.3f}|{12345.6 + 7890.1j:>+30,f}|{1.7976931348623157e308:.3%}")
