# str's predicates read the Unicode database as unicodedata does (CPython 3.11: Unicode 14.0).
import unicodedata

samples = ["5", "²", "⅓", "٥", "Ⅻ", "abc", "あ", "\u0345", "\u3000", "\x1c", "\u200b",
           "_var", "유니코드", "1abc", "a·b", "\U0001e4d0", "\U00011f50", "ǅ", "ß"]
for s in samples:
    flags = [name for name in ("isdecimal", "isdigit", "isnumeric", "isalpha", "isalnum",
                               "isspace", "isidentifier", "isupper", "islower")
             if getattr(s, name)()]
    print(ascii(s), flags)

for c in "5²⅓٥Ⅻa\U0001e4d0\U00011f50":
    print(ascii(c), unicodedata.category(c), unicodedata.decimal(c, None),
          unicodedata.digit(c, None), unicodedata.numeric(c, None))

# Every 7th character of the first three planes: the predicates and unicodedata agree.
for cp in range(0, 0x30000, 7):
    c = chr(cp)
    if 0xD800 <= cp < 0xE000:
        continue
    assert c.isdecimal() == (unicodedata.decimal(c, None) is not None), hex(cp)
    assert c.isdigit() == (unicodedata.digit(c, None) is not None), hex(cp)
    assert c.isnumeric() == (unicodedata.numeric(c, None) is not None), hex(cp)
    assert c.isalpha() == (unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo")), hex(cp)
print("agree")
print("x²".isalnum(), "".isdigit(), " \t\x1f".isspace(), "Ab c".split("\u3000"), "a\u3000b".split())
try:
    "a".isnumeric(1)
except TypeError as e:
    print(e)
