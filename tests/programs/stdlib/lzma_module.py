# lzma over liblzma: the xz, alone and raw formats, checks, filter chains, incremental
# decompression with max_length, LZMAFile, and CPython's errors.
import lzma, io
data = b"hello lzma " * 200
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt)
    print(fmt, len(c) < len(data), lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, d.decompress(c) == data, d.check, d.eof, d.needs_input, d.unused_data)

xz = lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)
print(lzma.decompress(xz + xz) == data * 2)
d = lzma.LZMADecompressor()
out = d.decompress(xz + b"junk", max_length=10)
print(out, d.needs_input, d.eof)
rest = d.decompress(b"", max_length=-1)
print(len(rest), d.eof, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError:", e)
try:
    lzma.decompress(b"not xz data at all")
except lzma.LZMAError as e:
    print("LZMAError:", e)
f = io.BytesIO()
with lzma.open(f, "wb") as w:
    w.write(data)
f.seek(0)
with lzma.open(f, "rb") as r:
    print(r.read() == data)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 1}]
c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(lzma.decompress(c, format=lzma.FORMAT_RAW, filters=filters) == data)
c = lzma.compress(data, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20, "lc": 2, "mf": lzma.MF_BT3, "mode": lzma.MODE_FAST}])
print(lzma.decompress(c) == data)
for bad in [dict(format=lzma.FORMAT_RAW), dict(check=lzma.CHECK_CRC32, format=lzma.FORMAT_ALONE),
            dict(preset=1, filters=[]), dict(format=9), dict(format=lzma.FORMAT_RAW, filters=[{}]),
            dict(format=lzma.FORMAT_RAW, filters=[{"id": 99}]), dict(format=lzma.FORMAT_RAW, filters=[1]),
            dict(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}]),
            dict(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}] * 5),
            dict(format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}])]:
    try:
        lzma.LZMACompressor(**bad)
    except (ValueError, TypeError, lzma.LZMAError) as e:
        print(type(e).__name__, e)
c = lzma.LZMACompressor()
c.flush()
for call in (lambda: c.flush(), lambda: c.compress(b"x")):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
for bad in [dict(format=lzma.FORMAT_RAW, memlimit=5), dict(format=lzma.FORMAT_RAW), dict(filters=[])]:
    try:
        lzma.LZMADecompressor(**bad)
    except ValueError as e:
        print("ValueError:", e)
print(lzma.is_check_supported(lzma.CHECK_SHA256), lzma.is_check_supported(7))
print(lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1}), lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x16"))
import os


class Path:
    def __fspath__(self):
        return "x"


print(isinstance(Path(), os.PathLike), isinstance("x", os.PathLike), os.PathLike)
print(issubclass(io.BufferedReader, io.BufferedIOBase), issubclass(io.RawIOBase, io.IOBase))
