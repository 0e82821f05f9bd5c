# unicodedata: categories, names, normalization, combining and bidirectional classes, and
# decimal values, with CPython's errors.
import unicodedata

for ch in "aA7 \u00e9\u0301\u0663\u20ac\u2028\u00ad\u4e00\uac00\U0001d7d9":
    print(
        hex(ord(ch)),
        unicodedata.category(ch),
        unicodedata.name(ch, "?"),
        unicodedata.combining(ch),
        unicodedata.bidirectional(ch),
        unicodedata.decimal(ch, None),
    )

print(unicodedata.lookup("LATIN SMALL LETTER A"), unicodedata.lookup("snowman"))
print(unicodedata.lookup("CJK UNIFIED IDEOGRAPH-4E00") == "\u4e00")
for s in ["bla", "e\u0301", "\u00e9", "\ufb01", "\u2460", "\u1e9b\u0323", "\uac00"]:
    forms = [unicodedata.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print([ascii(x) for x in forms], [unicodedata.is_normalized(f, s) for f in ("NFC", "NFD")])

for call in [
    lambda: unicodedata.category("ab"),
    lambda: unicodedata.category(1),
    lambda: unicodedata.name("\x00"),
    lambda: unicodedata.lookup("NO SUCH CHARACTER NAME"),
    lambda: unicodedata.lookup("latinsmalllettera"),
    lambda: unicodedata.normalize("NFX", "a"),
    lambda: unicodedata.decimal("x"),
]:
    try:
        print(call())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(unicodedata.name("\x00", None), unicodedata.decimal("\u00bd", -1))
