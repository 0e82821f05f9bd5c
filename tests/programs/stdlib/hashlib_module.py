import hashlib

data = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256",
             "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    h = getattr(hashlib, name)(data)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = hashlib.new(name)
    h2.update(data[:10])
    c = h2.copy()
    h2.update(data[10:])
    print("  ", h2.hexdigest() == h.hexdigest(), c.hexdigest() == hashlib.new(name, data[:10]).hexdigest(), h.digest()[:4])
for name in ["shake_128", "shake_256"]:
    h = hashlib.new(name, data)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(5), len(h.hexdigest(100)))
print(hashlib.md5().hexdigest(), hashlib.sha256(b"").hexdigest())
print(hashlib.new("SHA256", b"abc").hexdigest(), hashlib.new("md5", data=b"x").hexdigest())
print(hashlib.blake2b(b"abc", digest_size=16).hexdigest(), hashlib.blake2s(digest_size=8).hexdigest())
print(hashlib.blake2b(digest_size=20).digest_size, hashlib.new("blake2s", b"x", digest_size=4).hexdigest())
h = hashlib.sha1()
for chunk in [b"a", bytearray(b"b"), b"c" * 1000]:
    h.update(chunk)
print(h.hexdigest(), hashlib.sha1(b"ab" + b"c" * 1000).hexdigest())
print(hashlib.sha512(b"x" * 100000).hexdigest()[:32])
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
for call in [
    lambda: hashlib.new("nope"),
    lambda: hashlib.md5("text"),
    lambda: hashlib.sha256().update("text"),
    lambda: hashlib.sha256().update(5),
    lambda: hashlib.blake2b(digest_size=65),
    lambda: hashlib.blake2s(digest_size=0),
]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
