print((10).to_bytes(2, "big"), (258).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"))
print(int.from_bytes(b"\xff", "big", signed=True), (-1).to_bytes(1, "big", signed=True))
print((17).conjugate(), (17).real, (17).imag, (17).numerator, (17).denominator)
print((6).as_integer_ratio(), abs(-7), -(-7), +(-7))
print(int.__name__, (5).__class__.__name__, isinstance(5, (float, int)))
print(str(123), str(-0), repr(10**20), "%d" % 3.99, "%i" % -2)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
x = 5
x += 2.5
print(x, type(x).__name__)
print(sum([0.1] * 10), sum([1, 2, 3]) / 3, 7 / 7)
print(max(range(10), key=lambda v: (v % 4, v)), min([5, 3, 8], default=0), min([], default="empty"))
