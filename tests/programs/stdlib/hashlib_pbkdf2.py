# hashlib.pbkdf2_hmac (RFC 6070's vectors and CPython's argument errors), the
# single-algorithm modules hashlib is built on, and _operator._compare_digest.
import _md5
import _sha1
import _sha256
import _sha512
import _operator
import hashlib

print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 1).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 4096).hex())
print(hashlib.pbkdf2_hmac("sha256", b"passwordPASSWORDpassword",
                          b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 3, 40).hex())
print(hashlib.pbkdf2_hmac("sha512", b"p" * 200, bytearray(b"salt"), 2, 10).hex())
for args in [("sha256", b"p", b"s", 0), ("sha256", b"p", b"s", 1, 0),
             ("sha256", b"p", b"s", 2**31), ("sha256", "p", b"s", 1),
             ("sha256", b"p", b"s", 1, 2**63), ("sha256", b"p", b"s", 1, 2**62),
             (1, b"p", b"s", 1)]:
    try:
        hashlib.pbkdf2_hmac(*args)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

print(_md5.md5(b"").hexdigest(), _sha1.sha1(b"").hexdigest())
print(_sha256.sha224(b"a").hexdigest(), _sha512.sha384(b"a").hexdigest()[:16])

for a, b in [("abc", "abc"), ("abc", "abd"), ("abc", "ab"), (b"ab", bytearray(b"ab")),
             (b"ab", b"a"), ("a", b"a"), (1, 1), ("\xe9", "\xe9")]:
    try:
        print(_operator._compare_digest(a, b))
    except TypeError as e:
        print("TypeError", e)
print(_operator.add(2, 3), _operator.itemgetter(1)("xy"))
