class Both:
    def __str__(self):
        return "str of Both"

    def __repr__(self):
        return "Both()"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly<>"


class StrOnly:
    def __str__(self):
        return "just str"


b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {b!s} {r}")
print("%s %r" % (b, b))
print(format(b), "{} {!r}".format(b, b))
print(str(StrOnly()), [StrOnly()][0].__str__())
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n\\"))
print(str(1.5), repr(1.5), str(None), repr([None, True, "x"]))
print(repr("\x00\x7f\u00e9"), ascii("caf\u00e9"))


class Bad:
    def __str__(self):
        return 42


try:
    str(Bad())
except TypeError as e:
    print(type(e).__name__, e)
