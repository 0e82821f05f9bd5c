# Strs hold lone surrogates: literals, chr, and every operation sees them as code points.
s = "\ud800"
print(len(s), ord(s), hex(ord(chr(0xDFFF))), repr(s), ascii(s), s == chr(0xD800))
print(repr("a\udc80b"), repr("\ud83d\ude00"), len("\ud83d\ude00"), "\ud83d\ude00" == "\U0001f600")
t = "x\udc80y\ud800z"
print([repr(c) for c in t], [hex(ord(c)) for c in t])
print(repr(t[1]), repr(t[-2]), repr(t[1:4]), repr(t[::2]), repr(t[::-1]), repr(t[4:]))
u = t + "\udfff"
u += "\udc00!"
print(repr(u), len(u), repr(u * 2), repr("\ud800" * 3), len("\ud800" * 3))
print("\ud800" < "\udfff", "\udfff" < "\ue000", "\ud7ff" < "\ud800", "\uffff" > "\ud800")
print("\U00010000" > "\udfff", "\ufffd" == "\ud800", "\ufffd" < "\ud800", "a\ud800" < "a\ud801")
print(sorted(["\udfff", "z", "\ud800", "\ue000", "\ufffd"]))
d = {"\ud800": 1, "\udc00": 2, "\ufffd": 3}
print(d["\ud800"], d[chr(0xDC00)], d["\ufffd"], len(d), hash("\ud800") == hash(chr(0xD800)))
print(len({"\ud800", chr(0xD800), "\ud800"[:1], "\ud801"}))
print("\ud800" in "a\ud800b", "\ufffd" in "a\ud800b", "\ud800b" in "a\ud800b", "" in "\ud800")
print(repr(str("\ud800")), repr(f"<{s}>"), repr(f"{s!s}{s!r}"), repr("".join(["\ud800", "\udc00"])))
print(repr("\ud800\ud800"), repr(chr(0xDBFF) + chr(0xDC00)), bool("\ud800"))
print([hex(ord(c)) for c in reversed("\ud800a")], list(enumerate("\udc80")))
try:
    chr(0x110000)
except ValueError as e:
    print(e)
