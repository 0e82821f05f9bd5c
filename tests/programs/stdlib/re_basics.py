import re

print(re.match(r"(\w+) (\w+)", "Isaac Newton, physicist").groups())
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "  Malcolm Reynolds  ")
print(m, m.group(0), m.group("first"), m["last"], m.group(1, 2), m.span(), m.start(2), m.end("last"))
print(m.groupdict(), m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos)
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"\d+", "123x"), re.match("b", "ab"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1 b=2 c"), re.findall(r"(a)|b", "ab"))
print([m.span() for m in re.finditer(r"\w+", "hello big world")])
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home ann@work"))
print(re.sub(r"(?P<n>\d+)", r"<\g<n>|\g<1>|\g<0>>", "a1b23"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3", count=2))
print(re.subn("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub(r"\s+", " ", "a  b\t\nc"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1), re.split(r"\b", "a b"), re.split("x*", "axbc"))
print(re.split(r"[,;]", "a,b;c,,d"))
print(re.search(r"(\w)\1", "hello").group(), re.search(r"(?P<c>\w)(?P=c)", "abccd").span())
print(re.findall(r"(?<=-)\w+", "a-b c-de"), re.findall(r"(?<!-)\b\w+", "a-b c-de"))
print(re.findall(r"\w+(?=!)", "hi! there no!"), re.findall(r"\w+(?!\w|!)", "hi! there"))
print(re.findall(r"<.*?>", "<a><b>"), re.findall(r"<.*>", "<a><b>"), re.findall(r"a{2,3}?", "aaaa"))
print(re.findall(r"a{,2}", "aaa"), re.findall(r"x{2}", "xxxxx"), re.findall(r"{a}", "{a}"))
print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"^\w", "ab\ncd"), re.findall(r"\w$", "ab\ncd\n"))
print(re.findall(r"\w$", "ab\ncd\n", re.MULTILINE), re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S))
print(re.findall(r"hello", "Hello HELLO", re.I), re.findall(r"(?i)hello", "Hello"), re.findall(r"(?i:h)ello", "Hello HELLO"))
print(re.findall(r"\d", "1\u0663"), re.findall(r"\d", "1\u0663", re.A), re.findall(r"\w+", "caf\u00e9 x", re.ASCII))
pat = re.compile(r"""
    (?P<key>\w+)   # the key
    \s* = \s*      # equals
    (?P<val>[^ ]+) # the value
""", re.VERBOSE)
print(pat.findall("a = 1  b=two"), pat.groups, pat.groupindex, pat.flags)
print(re.compile(r"[ #]x", re.X).findall("a x b#x"))
print(repr(re.compile("a+", re.I | re.M)), repr(re.compile("a+")), re.compile("a").flags)
print(re.escape("a.b*c?d[e]f (g) 1+1=2 $^ ~&#"), re.escape("plain_text"))
print(re.search(r"\Aab\Z", "ab"), re.search(r"ab\Z", "ab\n"), re.search(r"ab$", "ab\n"))
p = re.compile(r"\d+")
print(p.search("ab12cd345", 4), p.match("ab12", 2), p.match("ab12", 1), p.search("12345", 1, 3))
print(p.fullmatch("a123b", 1, 4), p.findall("1 22 333", 2), p.sub("#", "a1b22"), p.split("a1b22c"))
m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.lastindex, m.span(2), m.group(2))
m = re.match(r"(a(b))", "ab")
print(m.lastindex, re.match(r"(a)(b)", "ab").lastindex, re.match(r"(?:(x)|(y))+", "xy").lastindex)
print(m.expand(r"[\2|\1|\g<0>]"), m.regs)
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub("a", r"\n\t\\", "xa"))
print(re.findall(r"[\d\-a-c]+", "ab-12 zz c9"), re.findall(r"[^a-z ]+", "ab-12 zz C9"), re.findall(r"[]a]+", "a]]b"))
print(re.findall(r"[\w.]+@[\w.]+", "me@x.org you@y.com"), re.findall(r"[\s]+", "a \t b"))
print(re.match(r"(?>a+)b", "aaab"), re.findall(r"a++", "aaa b aa"), re.match(r"(a)?(?(1)b|c)", "c"))
print(re.findall(r"(?#comment)x", "xx"), re.findall(r"\x41\u0042\101\0", "AB A\0"), re.findall("\\.", "a.b"))
print(re.search("é+", "caféé").span(), re.sub("é", "E", "été"), [m.span() for m in re.finditer("\\w", "aé b")])
print(re.compile("(?P<x>a)|(?P<y>b)").match("b").lastgroup)

for bad in [r"(abc", r"abc)", r"*a", r"a**", r"a++*", r"\q", r"[abc", r"(?P<1x>a)", r"(?P<n>a)(?P<n>b)",
            r"(?P=nope)", r"\2(a)", r"(a)\2", r"[z-a]", r"(?<=a+)b", r"(?<x)", r"a(?i)b", r"x{3,1}",
            "\\", r"(?P<n", r"[\d-z]", r"a|*", "(?", r"\x4", r"(?P<>a)", "ab\n(cd"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
for template in [r"\3", r"\g<x>", r"\g<", r"\q", r"\g<2a>"]:
    try:
        re.sub(r"(?P<a>a)(b)", template, "ab")
    except (re.error, IndexError) as e:
        print(repr(template), type(e).__name__, e)
for bad_call in [lambda: re.match(r"a", 5), lambda: re.match(r"a", b"a"), lambda: re.match(r"(a)", "a").group(3),
                 lambda: re.match(r"(a)", "a").group("x"), lambda: re.sub("a", lambda m: 5, "a")]:
    try:
        bad_call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(isinstance(re.compile("a"), re.Pattern), re.compile("a") is re.compile("a"))
re.purge()
print(re.error.__name__, issubclass(re.error, Exception))
