# complex: literals, arithmetic, comparisons, repr, hash, the constructor, methods, format.
print(1j, -1j, 3 + 4j, 02j, 1.5e3J, -(0j), 1e16 + 1j, 1e-5 + 1j, complex(1, float("nan")))
print(abs(3 + 4j), abs(complex(1.5, 2.5)), (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j))
print(5 / (3 - 4j), (1j) ** 2, 2 ** (1j), (1 + 1j) ** 0.5, (2 + 3j) ** -2, 0j ** 0)
print(1 + 1j, 1j + 1, 1.5 - 1j, 1j - 1.5, 2 * 1j, 1j * True, 10 ** 20 + 1j)
print(hash(1j), hash(3.1 - 4.2j), hash(complex(1)) == hash(1), hash(complex(-1)))
print({1j: "a", complex(0, 1): "b", 1 + 0j: "c", 1: "d"})
print(complex(1, 0) == 1, 1 == complex(1, 0), complex(1, 0) == 1.0, 1j == 10**1000, 1j != "x")
print(complex(1, 2).__eq__("foo"), (1.0).__eq__("x"), bool(0j), bool(-0j), bool(1e-300j))
print(complex(), complex(2), complex(2.5, -1), complex(imag=2), complex(real=1, imag=-0.0))
print(complex(1j, 1j), complex(0.0, 3.14j), complex(1, -0.0), complex(-0.0, 0))
for text in ["1+2j", " ( 1+2j ) ", "-2j", "J", "+J", "( -j)", "1e-500", "-1e-500+1e-500j", "3.14+1J", "inf-nanj", "1_0+2_0j"]:
    print(repr(text), complex(text))
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), z.__complex__(), z.__getnewargs__(), type(z).__name__)


class Sub(complex):
    def extra(self):
        return "extra"


s = Sub(1, 2)
print(s, type(s).__name__, s.extra(), s + 1, type(s + 1).__name__, s.real, s.__complex__())


class HasComplex:
    def __complex__(self):
        return 2 + 5j


class HasFloat:
    def __float__(self):
        return 1.25


print(complex(HasComplex()), complex(HasFloat()), complex(HasFloat(), HasFloat()))
print(f"{12.34 + 5.6j}|{12.34 - 5.6j: }|{12.34 + 5.6j:20}|{-12.34 + 5.6j:^20}|{12.34 + 5.6j:_^+20}")
print(f"{-12.34 + 5.6j:f}|{12.34 + 5.6j:.3f}|{12.34 + 5.6j:<30.8f}|{1j:}|{1j:.2}|{3+4j:e}|{3-4j:g}")
print(format(1 + 2j, ""), format(2j, "+"), str(1 - 1j), repr(-1e100 - 1e100j))

errors = [
    "1j < 2j", "1j >= 1", "complex('abc')", "complex('1 + 2j')", "complex('')", "1j % 2",
    "2 // 1j", "divmod(1j, 2)", "0j ** -1", "0j ** 1j", "1 / 0j", "1j / 0", "complex('1', 2)",
    "complex(1, '2')", "complex([])", "complex(1, [])", "complex(10 ** 1000)",
    "0j + 10 ** 1000", "(1e200 + 1e200j) ** 2", "abs(complex(1e308, 1e308))", "int(1j)",
    "float(1j)", "complex(x=1)", "complex(1, real=2)", "complex(1, 2, 3)", "round(1j)",
    "1j & 1", "-1j < 'x'", "complex(HasComplex(), '1')",
]
for source in errors:
    try:
        print(source, "->", eval(source))
    except Exception as e:
        print(source, "->", type(e).__name__, e)
