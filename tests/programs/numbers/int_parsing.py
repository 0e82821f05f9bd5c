cases = ["42", "  -17 ", "+5", "0", "-0", "007", "1_000", "0x1F", "12.5", "", "   ", "1e3", "1__0", "_1", "abc", "9" * 30]
for s in cases:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "->", type(e).__name__, e)
for s, base in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("101", 2), ("z", 36), ("Z", 36), ("12", 3), ("08", 0), ("10", 1), ("777", 8)]:
    try:
        print(s, base, "->", int(s, base))
    except ValueError as e:
        print(s, base, "->", type(e).__name__, e)
print(int(3.99), int(-3.99), int(True), int(b"12"), int("  12\n"))
try:
    int("5", 16.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
