# The search fast paths of str/bytes methods: one-unit needles (memchr) against longer ones
# (memmem), from both ends, with non-ASCII text; startswith/endswith with tuples and their
# type errors; strip with a set of chars; method calls on subclass receivers.

texts = ["", "a", ",", "a,b,,c,", ",,,", "héllo wörld, ünïcode,", "x" * 100 + ",y"]
for s in texts:
    for sep in [",", "é", ",,", "ö", "wörld", "zz"]:
        print(repr(s), repr(sep), s.count(sep), s.find(sep), s.rfind(sep), s.split(sep),
              s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.partition(sep),
              s.rpartition(sep), s.replace(sep, "<>"), s.replace(sep, "", 1))

for b in [b"", b"a,b,,c,", b",,,", b"\xff,\xfe,,\xff"]:
    for sep in [b",", b",,", b"\xff", b"zz"]:
        print(b, sep, b.count(sep), b.find(sep), b.rfind(sep), b.split(sep), b.rsplit(sep),
              b.rsplit(sep, 2), b.partition(sep), b.rpartition(sep), b.replace(sep, b"-"))
    print(b.find(44), b.count(44), b.index(b",") if b"," in b else None)

ba = bytearray(b"a,b,c")
print(ba.split(b","), ba.rsplit(b",", 1), ba.partition(b","), ba.replace(b",", b";"))
print(ba.startswith(b"a,"), ba.endswith((b"x", b",c")), ba.strip(b"ac"))

s = "  alpha beta,gamma delta  epsilon  "
print(s.count("a"), s.count("a", 5), s.count("a", 5, -5), s.find("delta", 3, 30),
      s.rfind("a", 0, 10), s.count(""), s.replace("", "|", 3))
print(s.startswith("  al"), s.startswith(("x", "  a")), s.endswith(("n  ",)),
      s.startswith("al", 2), s.endswith("alpha", 0, 7), s.startswith(()), s.startswith("a", 50, 2))
for bad in [1, ("a", 1), None]:
    for method in [s.startswith, s.endswith, b"ab".startswith]:
        try:
            print(method(bad))
        except TypeError as e:
            print("TypeError:", e)
try:
    s.removeprefix(1)
except TypeError as e:
    print("TypeError:", e)
try:
    b"ab".removesuffix("b")
except TypeError as e:
    print("TypeError:", e)
print(s.removeprefix("  al"), s.removesuffix("on  "), b"abc".removeprefix(b"a"))

print(repr(s.strip(" an")), repr(s.lstrip("  la")), repr(s.rstrip("n ol")), repr("ééaé".strip("é")),
      repr("..word..".rstrip(".")), repr("x".strip("")), b"..b..".strip(b"."))
try:
    s.strip(1)
except TypeError as e:
    print("TypeError:", e)


class S(str):
    pass


class B(bytes):
    pass


t = S("a,b,c")
print(t.split(","), type(t.split(",")[0]).__name__, t.count(","), t.startswith("a"), t.partition(","))
u = B(b"a,b,c")
print(u.split(b","), type(u.split(b",")[0]).__name__, u.count(b","), u.startswith(b"a"))
print(str.count("a,a", ","), str.startswith("abc", ("x", "a")))
try:
    str.count(b"a,a", ",")
except TypeError as e:
    print("TypeError:", e)
l = []
list.append(l, 1)
print(l, dict.get({"a": 1}, "a"), bytes.split(b"a b"))
try:
    list.append((), 1)
except TypeError as e:
    print("TypeError:", e)
