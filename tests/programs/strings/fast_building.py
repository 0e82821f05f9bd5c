# The fast paths of string building keep every behaviour of the general ones: str(x) of
# built-in values, f-strings without a spec, "".join of lists and tuples, BuildString.

# str() of ints, floats and strs of the built-in types, and what must still go the long way.
print(str(0), str(-1), str(9223372036854775807), str(-9223372036854775808), str(10**30))
print(str(1.5), str(-0.0), str(1e300), str(float("nan")), str(float("-inf")), str(1e16))
print(str(True), str(None), str("abc"), str("é\u0101"), str(), str(b"x"), str(b"x", "ascii"))
s = "same"
print(str(s) is s)


class MyStr(str):
    def __str__(self):
        return "custom " + self[:]


class MyInt(int):
    def __str__(self):
        return "MyInt!"

    def __format__(self, spec):
        return "fmt(" + spec + ")"


print(str(MyStr("x")), type(str(MyStr("x"))).__name__, str(MyInt(3)))
print(f"{MyInt(3)}", f"{MyInt(3)!s}", f"{MyInt(3):>4}", f"{MyInt(3)!r}")
print(type(str(MyStr("y"))) is str, str(MyStr("y")))


class Sub(str):
    pass


print(type(str(Sub("z"))).__name__, type(f"{Sub('z')}").__name__, f"{Sub('z')}")
print(str(object)[:13], str(int), str(1, ) if False else "")
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    str(x=1)
except TypeError as e:
    print("TypeError", e)

# A shadowed str is called as itself.
def shadow():
    str = lambda v: "shadowed %r" % (v,)
    return str(5)


print(shadow())

# f-strings: ints, strs, surrogates, conversions, specs.
i, big, t, lone = -42, 2**70, "tëxt", "a\ud800b"
print(f"{i}|{big}|{t}|{t!r}|{t!a}|{i:>6}|{i:x}|{1.25:.1f}|{True}|{None}")
print(ascii(f"{lone}"), ascii(f"<{lone}>"), len(f"{lone}{lone}"), f"{lone}"[1] == "\ud800")
print(ascii(f"{lone!r}"), ascii(f"{t}{lone}{i}"), f"{''}", f"{''}{''}" == "")
w = "ω"
u = f"{w}{i}{w}"
print(u, len(u), u[0], u[-1], u.index(str(i)))

# join: lists, tuples, separators, non-ASCII, surrogates, errors, subclasses, iterators.
print("".join([str(n) for n in range(12)]), "-".join(("a", "b", "c")), ",".join([]))
print("é".join(["ü", "x", "ω"]), len("é".join(["ü", "x", "ω"])), "é".join(["ü", "x", "ω"])[3])
print(ascii("".join(["a", "\udc80", "b"])), ascii("\udc80".join(["x", "y"])))
print(len("".join(["a", "\udc80"])), "".join(("x",)), "".join([Sub("p"), "q"]))
print(type("".join([Sub("p")])).__name__, "+".join(iter(["1", "2"])), "".join("abc"))
for bad in (["a", 1], ("a", b"b"), ["a", None, "c"]):
    try:
        "".join(bad)
    except TypeError as e:
        print("TypeError", e)
big_join = "".join([str(n) for n in range(1000)])
print(len(big_join), big_join[-5:], hash(big_join) == hash("".join(map(str, range(1000)))))
print(Sub("/").join(["a", "b"]), type(Sub("/").join(["a", "b"])).__name__)
print(str(object=7), str(object=b"q", encoding="ascii"), str(b"r", errors="strict"))
print("aaa".replace("", "-"), "aaa".replace("", "-", 2), "abcabc".replace("b", "XYZ", 1), "abab".replace("ab", ""), "éaé".replace("é", "e"), "".replace("", "x"), "ab".replace("", ""))
print(b"aaa".replace(b"", b"-"), b"abab".replace(b"a", b"xyz"), "x".replace("x", "y", 0), "xx".replace("x", "yy", -1))
print("%5d|%-4s|%x|%05.1f|%s" % (42, "ab", 255, 3.14159, "é"), "%(a)s %(b)d" % {"a": "k", "b": 3}, "%%" % ())
print(f"{42:>{10}}", f"{'é':^7}|", f"{3:*<5}", f"{-3:=+6}", f"{12345678:,}", f"{255:#x}", f"{2**64:x}", f"{-2**63:d}", f"{7:08b}")
print(format(1.5, "10.3f"), format(-0.0, "z.1f"), f"{1e20:,.0f}", f"{'x':{'>'}{5}}")
print("-".join(w for w in ("a", "é", "c")), "".join(Sub(c) for c in "xy"), ascii("|".join(c for c in "a\ud801")))
try:
    "".join(x for x in ["a", 2])
except TypeError as e:
    print("TypeError", e)
