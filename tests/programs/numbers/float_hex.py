# float.hex() and float.fromhex(): the exact hexadecimal form of a double, round-half-even
# parsing, and CPython's errors.

for x in [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, float("inf"), float("-inf"), float("nan")]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x or x != x)

for text in ["0x1p0", "  -0X1.8P+1\n", "1", "1.", ".8", "0x.1p4", "0xB.Ep4", "Infinity", "-nan",
             "0x1.00000000000008", "0x1.00000000000018", "0x1.000000000000081",
             "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p-99999999999999999999",
             "0x1.921fb54442d18p1", "0x1921fb54442d180p-55", "0x.fffffffffffff8p1024"]:
    print(repr(text), repr(float.fromhex(text)))

for text in ["", " ", "infi", "0xnan", "0x.p0", "0x1p", "0x1p+", "0x1.0.p0", "0x1 p0", "0x1p0\x00",
             "++0x1", "0x1,p0", "0x\uff11p0", "0x1p1024", "0x.fffffffffffffcp1024",
             "0x1p99999999999999999999"]:
    try:
        print(float.fromhex(text))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)

for call in [lambda: float.fromhex(1), lambda: float.fromhex("1", "2"), lambda: float.hex(1),
             lambda: (1.5).hex(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print((2.5).fromhex("0x1p3"))
