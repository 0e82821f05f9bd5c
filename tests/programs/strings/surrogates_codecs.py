# Encoding strs with lone surrogates and decoding bytes into them, with each error handler.
t = "a\udc80b\ud83d\ude00"
for handler in ["strict", "surrogateescape", "surrogatepass", "backslashreplace",
                "replace", "ignore", "xmlcharrefreplace"]:
    try:
        print(handler, t.encode("utf-8", handler))
    except UnicodeEncodeError as e:
        print(handler, "error:", e)
        print("  ", e.encoding, repr(e.object), e.start, e.end, e.reason)
for text in ["\ud800", "x\udfffy", "\udc80\udcff", "caf\xe9\udc80"]:
    for codec in ["utf-8", "ascii", "latin-1"]:
        for handler in ["strict", "surrogateescape", "surrogatepass"]:
            try:
                out = text.encode(codec, handler)
            except UnicodeEncodeError as e:
                out = f"{type(e).__name__}: {e}"
            print(codec, handler, repr(text), out)
data = b"a\xffb\xed\xa0\x80c\xf0\x9f\x98"
for handler in ["strict", "surrogateescape", "surrogatepass", "backslashreplace",
                "replace", "ignore"]:
    try:
        print(handler, repr(data.decode("utf-8", handler)))
    except UnicodeDecodeError as e:
        print(handler, "error:", e, e.start, e.end, e.reason, e.object)
print(repr(b"\x80abc\xff".decode("ascii", "surrogateescape")))
print(repr(b"\x80".decode("ascii", "backslashreplace")), repr(str(b"\xc3(", "utf-8", "replace")))
for bad in [b"\xc3(", b"\xf0\x9f\x98A", b"\xe0\x80", b"\xed\xa0\x80", b"ok\xf0\x9f"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e)
# Round trips: undecodable bytes through surrogateescape, surrogates through surrogatepass.
raw = bytes(range(120, 256))
assert raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw
lone = "".join(chr(c) for c in range(0xD7F0, 0xE010))
assert lone.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") == lone
print(bytes("\ud800", "utf-8", "surrogatepass"), "\ud800".encode("utf-8", "backslashreplace"))
print("\ud800".encode("unicode_escape"), "a\ud800\udc00\U00010000\t\\\xe9".encode("unicode_escape"))
try:
    bytes("\ud800", "utf-8")
except UnicodeEncodeError as e:
    print(e)
try:
    exec(chr(0xD800))
except UnicodeEncodeError as e:
    print("exec:", e)
# An unknown handler is looked up only when it is needed.
print("x".encode("utf-8", "nonsense"), b"y".decode("ascii", "nonsense"))
for call in [lambda: "\ud800".encode("utf-8", "nonsense"), lambda: b"\xff".decode("utf-8", "nonsense")]:
    try:
        call()
    except LookupError as e:
        print(type(e).__name__, e)
