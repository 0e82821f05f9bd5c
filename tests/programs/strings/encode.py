s = "héllo wörld €"
b = s.encode()
print(b, len(s), len(b), type(b).__name__)
print(b.decode(), b.decode("utf-8") == s)
print("abc".encode("ascii"), "abc".encode("utf-8"), "é".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print("é".encode("ascii", "replace"), "é€".encode("ascii", "ignore"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xffab".decode("utf-8", "replace"), b"\xffab".decode("utf-8", "ignore"))
print([c for c in "é€😀"], [ord(c) for c in "é€😀"], len("😀"), len("😀".encode()))
print("😀".encode(), bytes([0xF0, 0x9F, 0x98, 0x80]).decode())
print(str(b"abc", "ascii"), str(b"abc"))
