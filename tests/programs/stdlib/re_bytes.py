# re with bytes patterns (ASCII classes, bytes results everywhere) and Python's \w (letters and
# numbers, not combining marks).
import re

p = re.compile(rb"(\w+)@(?P<host>\w+)\.com")
m = p.search(b"mail: joe@example.com!")
print(m, m.group(), m.group(1), m["host"], m.groups(), m.groupdict(), m.span(2))
print(p.pattern, p.flags, re.compile(b"a", re.A).flags, re.compile("a").flags, p)
print(re.findall(rb"(a)?b", b"b ab"), re.findall(rb"(a)|(b)", b"ab"), re.findall(rb"\d+", b"a1b22"))
print(re.split(rb"[,;]", b"a,b;c"), re.split(rb"(,)", bytearray(b"x,y")))
print(re.sub(rb"(\w)(\w)", rb"\2\1", b"abcd"), re.subn(rb"o", b"0", b"foo boo"))
print(re.sub(rb"x", lambda m: m.group().upper(), b"axbx"), m.expand(rb"\g<host>:\1"))
print(re.match(rb"\w+", "é1".encode("latin-1")), re.match(rb"(?i)k", b"K"))
print([m.span() for m in re.finditer(rb"", b"ab")], re.fullmatch(rb"a.c", b"a\xffc"))
print(re.sub(rb"a", "x", b"b"), type(re.match(rb"(a)", bytearray(b"a")).group(1)))
print(re.escape(b"a.b*c"), re.search(rb"\xff+", b"a\xff\xffb").span())
for call in (lambda: re.match(rb"a", "a"), lambda: re.match(r"a", b"a"),
             lambda: re.compile(b"a", re.U), lambda: re.sub(rb"a", "x", b"a"),
             lambda: re.sub(rb"a", 5, b"a"),
             lambda: re.sub(r"a", b"x", "a"), lambda: re.sub(rb"a", lambda m: "s", b"a"),
             lambda: re.match(rb"a", 5)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(re.match(r"\w", "\u0345"), re.match(r"\w+", "a\u00e9\u0661\u00b2_"), re.findall(r"\W", "a-\u0345b"))
print(re.match(r"[\w-]+", "ab-\u00e9 c"), re.match(r"[^\w]", "\u0345"), re.sub(r"\w", "", "x\u0345y"))
