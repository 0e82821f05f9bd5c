data = b"  Hello, World!  "
print(data.strip(), data.lstrip(), data.rstrip(), data.strip(b" !H"))
print(data.upper(), data.lower(), data.swapcase(), data.strip().title())
print(data.split(), data.split(b","), b"a,b,c".split(b",", 1), b"a b".rsplit(None, 1))
print(b"-".join([b"x", b"y", b"z"]), b"".join([]), data.replace(b"l", b"L"), data.replace(b"l", b"", 2))
print(data.find(b"World"), data.index(b"o"), data.rfind(b"o"), data.count(b"l"), data.find(b"zz"))
print(data.startswith(b"  H"), data.endswith((b"!", b"  ")), b"abc".isalpha(), b"123".isdigit(), b" ".isspace())
print(b"key=val".partition(b"="), b"a\nb\r\nc".splitlines(), b"ab".center(6, b"*"), b"7".zfill(3))
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"))
print(list(b"AZ"), [chr(c) for c in b"hi"], sum(b"\x01\x02\x03"), max(b"azb"))
for i, byte in enumerate(b"ok"):
    print(i, byte, hex(byte))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".join(["x"])
except TypeError as e:
    print(type(e).__name__, e)
