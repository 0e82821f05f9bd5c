print([ord(c) for c in "Az09 ~"], "".join(chr(n) for n in [72, 105, 33]), chr(0x1F600) == "😀", ord("\n"))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-(2**70)))
print(divmod(7, 2), pow(2, 8), pow(2, 8, 7), round(2.567, 1), round(5))
print(bool(), int(), float(), str(), list(), tuple(), dict(), len(set()))
print(format(1234.5, ",.1f"), format(42, "08b"), format("x", ">3"), format(0.5, "%"), format(7))
print(hash(0) == hash(0.0), hash(True) == hash(1), hash("s") == hash("s"), hash((1, "a")) == hash((1, "a")))
print(bin(10), oct(10), hex(10), int("0b1010", 0), ascii("ü"), repr("ü"))
print(max(1, 2.5), min(-1, -1.0), sorted([3, 2, 1], reverse=True), list(sorted("cba")))
print(len("héllo"), len(b"h\xc3\xa9llo"), len(range(100)), len({1: 2}), len([[1, 2]]))
x = [1, 2]
print(x is x, x is not [1, 2], None is None)
