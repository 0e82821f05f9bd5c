import zlib

data = b"hello hello hello hello, zlib! " * 20 + bytes(range(256))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12], zlib.decompress(c) == data)
print(zlib.compress(b"hello"), zlib.compress(b""), zlib.compress(b"a" * 50, 9))
raw = zlib.compress(data, wbits=-15)
gz = zlib.compress(data, 6, 31)
print(raw[:10], gz[:4], len(raw), len(gz))
print(zlib.decompress(raw, -15) == data, zlib.decompress(gz, 31) == data, zlib.decompress(gz, 47) == data,
      zlib.decompress(zlib.compress(data), 47) == data, zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")), zlib.crc32(b"hello world"), zlib.crc32(b""))
print(zlib.adler32(b"hello"), zlib.adler32(b" world", zlib.adler32(b"hello")), zlib.adler32(b""), zlib.adler32(b"x" * 10000))

co = zlib.compressobj(9)
parts = [co.compress(data[:100]), co.compress(data[100:]), co.flush()]
stream = b"".join(parts)
print([len(p) for p in parts], stream == zlib.compress(data, 9))
co = zlib.compressobj(wbits=-9)
s1 = co.compress(b"abc" * 10) + co.flush(zlib.Z_SYNC_FLUSH)
print(s1, s1.endswith(b"\x00\x00\xff\xff"))
s2 = s1 + co.compress(b"tail") + co.flush()
print(zlib.decompress(s2, -9))

do = zlib.decompressobj()
out = b""
for i in range(0, len(stream), 7):
    out += do.decompress(stream[i:i + 7])
out += do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"payload") + b"EXTRA"), do.eof, do.unused_data)
do = zlib.decompressobj()
first = do.decompress(stream, 50)
print(len(first), len(do.unconsumed_tail) > 0, do.eof)
rest = b""
while do.unconsumed_tail:
    rest += do.decompress(do.unconsumed_tail, 50)
print(first + rest + do.flush() == data, do.eof)
do = zlib.decompressobj(-15)
print(do.decompress(raw[:20]) + do.decompress(raw[20:]) == data, do.eof)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.DEF_BUF_SIZE)
for call in [
    lambda: zlib.decompress(b"not compressed"),
    lambda: zlib.decompress(zlib.compress(data)[:30]),
    lambda: zlib.decompress(zlib.compress(b"x"), -15),
    lambda: zlib.compress(b"x", 10),
    lambda: zlib.compress("text"),
    lambda: zlib.decompressobj().decompress(b"x", -1),
    lambda: zlib.crc32("s"),
]:
    try:
        print(call())
    except (zlib.error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(zlib.error, Exception))
