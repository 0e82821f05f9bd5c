print(0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1.5e300 * 1e10, 1e16, 1e-5, 123456789012345678.0)
print(3.14159, 2.0 ** 0.5, 1 / 7, 100.0, 1e22, 1e-7, 0.0001)
print(float("1.5"), float("inf"), float("-inf"), float("nan"), float(" 3 "), float(7))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(round(3.14159, 2), round(2.675, 2), round(1234.5, -2))
print(int(2.5e10), float(10 ** 20), 2.5 == 5 / 2, 0.1 * 3 == 0.3)
print(abs(-2.5), max(1, 2.5), min(-0.5, 0), 3 * 1.5, 1 + 2.0)
print(repr(1e100), str(5e-324), 1.7976931348623157e308)
x = 0.0
for i in range(10):
    x += 0.1
print(x)
