# repr()/ascii() keep what a __repr__ returned when it is a str subclass's instance;
# format() refuses 'z' for ints and strs with CPython's messages.


class MyStr(str):
    pass


class Plain:
    def __repr__(self):
        return MyStr("hello")


class Accented:
    def __repr__(self):
        return MyStr("h\xe9llo")


class Wrong:
    def __repr__(self):
        return 42


print(type(repr(Plain())).__name__, repr(Plain()))
print(type(ascii(Plain())).__name__, ascii(Plain()))
print(type(ascii(Accented())).__name__, ascii(Accented()))
print(repr([Plain(), Accented()]))
print(f"{Plain()!r} {Accented()!a}")
for f in (repr, ascii):
    try:
        f(Wrong())
    except TypeError as e:
        print(f.__name__, "TypeError:", e)

for value, spec in [(True, "z"), (5, "z5"), (5, "zd"), ("s", "z"), ("s", "z5"), (True, ".2"), (-0.0, "z")]:
    try:
        print(repr(format(value, spec)))
    except ValueError as e:
        print(f"{value!r} {spec!r} ValueError: {e}")

# str() of a str subclass's instance is its text, whatever its repr.
print(MyStr("text"), str(MyStr("text")), "%s" % MyStr("pct"), f"{MyStr('fmt')}", [MyStr("in list")])
