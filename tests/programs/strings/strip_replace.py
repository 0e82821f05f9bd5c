s = "xxhello worldxx"
print(repr(s.strip("x")), repr(s.lstrip("x")), repr(s.rstrip("x")))
print(repr("  \t spaced \n ".strip()), repr("  left".lstrip()), repr("right  \n".rstrip()))
print("www.example.com".strip("cmowz."), "<<[tag]>>".strip("<>[]"), "abcba".strip("ab"))
print("aaa".strip("a") == "", "hello".strip(""), "hello".strip("xyz"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "keep".removeprefix("x"))
t = "one one one one"
print(t.replace("one", "two"), t.replace("one", "two", 2), t.replace("one", "", 1))
print(t.replace("", "-"), "abc".replace("", "|", 2), "aaaa".replace("aa", "b"))
print("abc".replace("x", "y"), "Hello".replace("l", "L", 0), "a.b.c".replace(".", ""))
print("tab\tsep".expandtabs(4), repr("a\tb".expandtabs()))
