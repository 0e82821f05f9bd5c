import struct

print(struct.calcsize("@bhiqd"), struct.calcsize("bhiqd"), struct.calcsize("=bhiqd"), struct.calcsize("ci"),
      struct.calcsize("ic"), struct.calcsize("P"), struct.calcsize("e"), struct.calcsize("<lLnN".replace("nN", "")),
      struct.calcsize("@lLnNP"), struct.calcsize("3s2x4p"), struct.calcsize("0s"), struct.calcsize(" i  h "))
print(struct.pack("<bBhHiIlLqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 4294967295, -5, 2**64 - 1))
print(struct.pack(">bBhHiIlLqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 4294967295, -5, 2**64 - 1))
print(struct.pack("!hi", 1, 2), struct.pack("=hi", 1, 2), struct.pack("@hi", 1, 2), struct.pack("hi", 1, 2))
print(struct.pack("<fde", 1.5, -2.25, 0.333), struct.pack(">fde", float("inf"), float("-inf"), -0.0))
print(struct.pack("<e", 65504.0), struct.pack("<e", 6e-8), struct.pack("<e", 1e-10), struct.pack("<e", 2.0**-14))
print(struct.unpack("<e", b"\x00\x3c"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"), struct.unpack("<3e", b"\x00\x7c\x00\xfc\x00\x80"))
print(struct.pack("c?x?", b"z", 5, []), struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("5p", b"abcdefg"))
print(struct.pack("3p", b""), struct.pack("<Q", 2**63), struct.pack("<q", -2**63), struct.pack("i", True))
data = struct.pack("<bBhHiIqQfd?c3s", -1, 200, -300, 60000, -70000, 3000000000, -2**40, 2**63 + 5, 0.1, 0.1, True, b"x", b"abc")
print(data)
print(struct.unpack("<bBhHiIqQfd?c3s", data))
print(struct.unpack(">hH", b"\xff\xfe\xff\xfe"), struct.unpack("5p", b"\x09abcd"), struct.unpack("@ci", b"a\x00\x00\x00\x01\x00\x00\x00"))
s = struct.Struct("<hh")
print(s.size, s.format, s.pack(1, -1), s.unpack(b"\x01\x00\xff\xff"))
print(list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")), list(struct.iter_unpack("b", b"\x01\x02\x03")))
buf = bytearray(10)
struct.pack_into("<hi", buf, 2, 7, -1)
print(buf, struct.unpack_from("<hi", buf, 2), struct.unpack_from("<h", buf), struct.unpack_from("<h", buf, -2))
print(struct.Struct(b"<i").format, struct.pack(b">H", 258))
tests = [("b", 200), ("B", -1), ("h", 40000), ("H", -1), ("i", 2**31), ("I", -1), ("l", 2**63), ("L", -1),
         ("q", 2**63), ("Q", -1), ("<l", 2**31), ("<L", -1), ("<i", 2**31), ("<b", 200), ("<B", 300),
         ("<h", 2**15), ("n", 2**63), ("N", -1), ("e", 1e10), ("<f", 1e300), ("i", "x"), ("i", 1.5),
         ("f", "x"), ("c", b"ab"), ("s", 5), ("c", 1), ("<H", 70000), ("<H", -1), ("<I", 2**32), ("I", 2**32),
         ("<q", 2**63), ("<Q", 2**64), ("<Q", -1), ("<i", -2**31 - 1), ("i", 2**40), ("i", 2**70), ("q", 2**70),
         ("<I", -1), ("<b", 2**70), ("B", 2**70), ("<e", 70000.0), ("<d", "x"), ("<L", 2**32)]
for fmt, v in tests:
    try:
        print(fmt, v, struct.pack(fmt, v))
    except (struct.error, OverflowError) as e:
        print(fmt, v, type(e).__name__, e)
for fmt in ["z", "<n", "<P", "3", "i3", "4 s", "2x", "0s", "@", "", "!P"]:
    try:
        print(repr(fmt), struct.calcsize(fmt))
    except struct.error as e:
        print(repr(fmt), "error", e)
for call in [lambda: struct.pack("ii", 1), lambda: struct.pack("i", 1, 2), lambda: struct.unpack("i", b"123"),
             lambda: struct.unpack_from("i", b"1234567890", 8), lambda: struct.unpack_from("i", b"1234567890", -20),
             lambda: struct.pack_into("i", bytearray(10), 8, 1), lambda: list(struct.iter_unpack("i", b"12345")),
             lambda: struct.iter_unpack("0s", b"12345"), lambda: struct.unpack("i", "abcd"), lambda: struct.pack(5),
             lambda: struct.Struct(3.5)]:
    try:
        print(call())
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(struct.error, Exception), struct.error.__module__)
