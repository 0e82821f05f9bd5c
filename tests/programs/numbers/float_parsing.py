cases = ["3.14", " -2.5e3 ", "1e-5", ".5", "5.", "inf", "-Infinity", "nan", "1_000.5", "0x10", "", "1.2.3", "1e", "e5", "--1", "12abc", "1,5", "  ", "1_", "\t7\n"]
for s in cases:
    try:
        print(repr(s), "->", float(s))
    except ValueError as e:
        print(repr(s), "->", type(e).__name__, e)
print(float(3), float(-0), float(True), float(2**53 + 1))
for bad in [None, [1.0], "x"]:
    try:
        float(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(float("1e500"), float("-1e-500"), float("1E5"), float("-.25e+2"))
