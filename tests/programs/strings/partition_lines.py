for s in ["key=value", "key=val=ue", "novalue", "=start", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
text = "line one\nline two\r\nline three\rlast"
print(text.splitlines())
print(text.splitlines(True))
print("trailing\n".splitlines(), "".splitlines(), "\n\n".splitlines(), "a\n\nb".split("\n"))
print("x\x0by\x0cz\x1cw\u2028v".splitlines())
for number, line in enumerate("a\nb\n".splitlines(), 1):
    print(number, line)
