# The str methods shared with bytes see lone surrogates as themselves, not as U+FFFD.
s = "a\ud800b\ud800c\udc00"
print(s.split("\ud800"), s.rsplit("\ud800", 1), s.split("\ufffd"))
print(s.find("\udc00"), s.find("\ufffd"), "\ufffd".find("\ud800"), s.rfind("\ud800"), s.count("\ud800"))
print(s.index("c"), s.startswith("a\ud800"), s.endswith("\udc00"), s.endswith("\ufffd"))
print(repr(s.replace("\ud800", "-")), repr(s.replace("b", "\udfff")), repr(s.replace("\ufffd", "?")))
print(repr("-".join(["\ud800", "x", "\udc80"])), repr("\ud800".join("ab")), repr("".join(c for c in s)))
print(s.partition("b"), s.rpartition("\ud800"))
print(repr(" \ud800 ".strip()), repr("\ud800x\ud800".strip("\ud800")), repr("\ud800".center(5, "*")))
print(repr("\ud800".ljust(3)), repr("\ud800".rjust(3, "\udc00")), repr(s.zfill(10)))
print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.swapcase()), repr(s.capitalize()))
print(repr("\ud800".casefold()), repr("x\ud800\ny".splitlines()), repr("\ud800\tx".expandtabs(4)))
print("\ud800".isprintable(), "\ud800".isalpha(), "\ud800".isspace(), "\ud800".isidentifier())
print("\ud800".isupper(), "\ud800".islower(), "\ud800".isdigit(), "\ud800".isascii())
print(repr("\U0010f800\ud800".split("\U0010f800")), repr("\U000f0000".replace("\ud800", "x")))
print(repr("\ud800abc".removeprefix("\ud800")), repr("abc\udfff".removesuffix("\udfff")))
# Non-printable characters are escaped by repr, as in CPython.
print(repr("\u200b\xa0\ue000\U000e0001\u0378\x85"), "\u200b".isprintable(), "\xe9".isprintable())
