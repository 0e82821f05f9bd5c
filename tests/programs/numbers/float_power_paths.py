# `**` with a float operand (the eval loop computes a positive base to a finite power
# itself): every other case must still raise or return what CPython's float_pow does.
cases = [
    (2.0, 0.5), (2, 0.5), (2.0, 3), (9.0, -0.5), (1.0, 1e308), (1.5, -2), (0.5, 1074.5),
    (2.0, -1080.0), (1e-300, 2.0), (1.0, float("nan")), (float("nan"), 0.0), (2.0, float("inf")),
    (0.5, float("inf")), (float("inf"), 2.0), (float("inf"), -1.0), (0.0, 2.0), (-0.0, 3.0),
    (-2.0, 2.0), (-2.0, 3), (-8.0, 1 / 3), (0.0, -1.0), (10.0, 400.0), (-10.0, 401.0),
    (2.0, 1023.99), (3.0, 0), (True, 0.5), (2.0, True),
]
for a, b in cases:
    try:
        r = a**b
        print(repr(a), repr(b), "->", repr(r))
    except (ZeroDivisionError, OverflowError, ValueError) as err:
        print(repr(a), repr(b), "->", type(err).__name__, err)

x = 3.0
x **= 2
y = 4
y **= 0.5
print(x, y, 2.0**2**3, (-2.0) ** 0.5 == complex(-2.0) ** 0.5)
