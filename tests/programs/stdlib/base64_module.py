import base64
import binascii

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[::37], b"\xff\xfe\xfd"]
for s in samples:
    e64 = base64.b64encode(s)
    print(s, e64, base64.b64decode(e64) == s, base64.urlsafe_b64encode(s), base64.b32encode(s),
          base64.b32hexencode(s), base64.b16encode(s))
    print("  ", base64.a85encode(s), base64.b85encode(s), base64.b85encode(s, pad=True))
    assert base64.b32decode(base64.b32encode(s)) == s
    assert base64.b32hexdecode(base64.b32hexencode(s)) == s
    assert base64.b16decode(base64.b16encode(s)) == s
    assert base64.a85decode(base64.a85encode(s)) == s
    assert base64.b85decode(base64.b85encode(s)) == s
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(s)) == s
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("+/8=", altchars=b"-_"))
print(base64.b64decode("aGVs bG8=\n"), base64.standard_b64decode("Zm9v"))
print(base64.b64decode("Zm9vYQ==extra"), base64.standard_b64encode(b"xyz"))
print(base64.b32decode("mzxw6===", casefold=True), base64.b32decode("MZXW6YQ=", map01="L"))
print(base64.b16decode("666f6f", casefold=True), base64.encodebytes(b"x" * 100))
print(base64.decodebytes(b"eHh4\neHh4\n"), base64.a85encode(b"    \0\0\0\0 ab", foldspaces=True))
print(base64.a85encode(b"hello world, this is ascii85", wrapcol=10, adobe=True))
print(base64.a85decode(b"<~BOu!rDZ~>", adobe=True), base64.a85decode(b"z y", foldspaces=True))
print(binascii.hexlify(b"\x01\xab"), binascii.b2a_hex(b"abc", "-"), binascii.hexlify(b"abcdef", b":", 2), binascii.hexlify(b"abcde", ".", -2), binascii.b2a_hex(b"abcde", "|", 3))
print(binascii.unhexlify("01ab"), binascii.a2b_hex(b"FFfe"))
print(binascii.b2a_base64(b"hi"), binascii.b2a_base64(b"hi", newline=False), binascii.a2b_base64("aGk=\n"))
print(binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"", 7))
errors = [
    lambda: base64.b64decode("abc"),
    lambda: base64.b64decode("a"),
    lambda: base64.b64decode("abcde"),
    lambda: base64.b64decode("ab!c", validate=True),
    lambda: base64.b64decode("=abc", validate=True),
    lambda: base64.b64decode("ab==cd", validate=True),
    lambda: base64.b64decode("ab=c", validate=True),
    lambda: base64.b64decode("é"),
    lambda: base64.b64decode(12),
    lambda: base64.b32decode("MZXW6"),
    lambda: base64.b32decode("MZXW6!=="),
    lambda: base64.b32decode("M======="),
    lambda: base64.b16decode("6g"),
    lambda: base64.b16decode("abc"),
    lambda: base64.a85decode(b"ab~c"),
    lambda: base64.a85decode(b"az"),
    lambda: base64.a85decode(b"xyz", adobe=True),
    lambda: base64.a85decode(b"uuuuu"),
    lambda: base64.b85decode(b"ab\x01"),
    lambda: base64.b85decode(b"~~~~~"),
    lambda: binascii.unhexlify("abc"),
    lambda: binascii.unhexlify("zz"),
    lambda: binascii.hexlify("str"),
    lambda: base64.b64encode("str"),
    lambda: base64.encodebytes("s"),
]
for call in errors:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
