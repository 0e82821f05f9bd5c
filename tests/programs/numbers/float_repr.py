values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e15, 1e16, 1e17, 1.5e-5, 1e-4, 0.0001234,
          123456789.123, 1e22, 1.7976931348623157e308, 5e-324, -0.0, 2.5, 1e100, 3.14159, 0.3]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))
print(10 / 4, 10 / 5, 2**-1, 10**-2, 1e3, 1_000.5, 0x10 / 1)
print(float(10), float("  -3.5  "), float("1e-3"), float("+.5"), float("5."), float("1_0.5"))
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan])
print(float("infinity"), float("-Infinity"), float("NaN"), float("-nan"))
print((0.5).as_integer_ratio(), (0.75).is_integer(), (2.0).is_integer())
print(1e16 + 1, 9007199254740993.0, 123e-2, -1.5e-10)
