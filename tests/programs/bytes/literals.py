b = b"hello\x00\xff\n"
print(b, len(b), type(b).__name__, repr(b"it's"), repr(b'"q"'), b"\t\\")
print(b[0], b[-1], b[1:3], b[::-1], b[::2], list(b[:3]), type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("é", "utf-8"), bytes(b"x"))
print(b"ab" + b"cd", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"" in b"x", rb"raw\n")
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" == "abc", b"B" < b"a")
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"".hex())
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: b"a" + "b", lambda: bytes("x"), lambda: b"x"[5]]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"ab"]))
