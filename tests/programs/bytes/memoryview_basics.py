# memoryview over bytes, bytearray, array and other views: indexing, slicing that shares
# memory, writes through to a bytearray, cast, tolist/tobytes/hex, release, comparisons,
# hashing, and the export rule that keeps an exported bytearray from being resized.
import array
import struct

m = memoryview(b"abcdef")
print(m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), len(m))
print(m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.obj, m.c_contiguous, m[::2].c_contiguous, m[::2][1:].tobytes(), m[::2][::-1].tolist())
print(m == b"abcdef", m != b"abcdef", m == memoryview(b"abcdef"), m == "abcdef", m[::-1] == b"fedcba")
print(hash(m) == hash(b"abcdef"), bytes(m[2:]), bytearray(m[:2]), list(m[:3]), bool(m[:0]))
print(m.hex(), m.hex(":"), m.hex("-", 2))

ba = bytearray(b"hello world")
v = memoryview(ba)
v[0] = ord("H")
v[6:11] = b"WORLD"
print(ba, v.readonly, v.obj is ba)
sub = v[6:]
sub[0] = ord("w")
print(ba, sub.tobytes())
for grow in (lambda: ba.append(1), lambda: ba.extend(b"xy"), lambda: ba.pop(), lambda: ba.clear(),
             lambda: ba.insert(0, 1), lambda: ba.remove(72)):
    try:
        grow()
    except BufferError as e:
        print("BufferError:", e)
ba[0] = ord("J")
ba[1:3] = b"EL"
print(ba)
try:
    ba[0:2] = b"xyz"
except BufferError as e:
    print("BufferError:", e)
v.release()
sub.release()
ba.append(33)
print(ba)
print(repr(v).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))

with memoryview(bytearray(b"abc")) as w:
    print(w.tobytes())
for op in (lambda: w[0], lambda: w.tobytes(), lambda: len(w), lambda: w.shape):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)

# views of views, and of array.array
inner = memoryview(b"0123456789")[2:8]
outer = memoryview(inner)
print(outer.tobytes(), outer[1:3].tobytes(), outer.obj)
a = array.array("i", [1, -2, 3])
av = memoryview(a)
print(av.format, av.itemsize, av.nbytes, av.tolist(), av[1], av[::-1].tolist())
print(memoryview(array.array("d", [1.5, 2.5])).tolist())

# cast
raw = bytearray(struct.pack("<4i", 1, 2, 3, -4))
ints = memoryview(raw).cast("i")
print(ints.tolist(), ints.format, ints.itemsize, ints.shape, ints.strides, ints.nbytes)
ints[3] = 40
print(struct.unpack("<4i", raw))
grid = memoryview(bytearray(range(6))).cast("B", (2, 3))
print(grid.tolist(), grid.shape, grid.strides, grid.ndim, grid[1, 2])
print(memoryview(b"ab").cast("c").tolist(), memoryview(b"\x00\x01").cast("?").tolist())
print(memoryview(bytes(8)).cast("@Q").tolist(), memoryview(b"\xff\xff").cast("h").tolist())
print(memoryview(b"abcd").cast("B", []).nbytes if False else memoryview(b"a").cast("B", []).tolist())
for fmt, shape in (("i", None), ("B", [3]), ("z", None), ("<i", None)):
    try:
        memoryview(b"abcde").cast(fmt, shape) if shape else memoryview(b"abcde").cast(fmt)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ints.cast("h")
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(b"abcdef")[::2].cast("B")
except TypeError as e:
    print("TypeError:", e)

# errors
for bad in ([1, 2], (1, 2), "text", 3, {}):
    try:
        memoryview(bad)
    except TypeError as e:
        print("TypeError:", e)
for op in (lambda: m[6], lambda: m[-7]):
    try:
        op()
    except IndexError as e:
        print("IndexError:", e)
for op in (lambda: m.__setitem__(0, 1), lambda: m.__delitem__(0),
           lambda: memoryview(bytearray(2)).__delitem__(0), lambda: m["x"],
           lambda: hash(memoryview(bytearray(2))), lambda: hash(memoryview(bytes(4)).cast("i")),
           lambda: ints.__setitem__(0, 1.5), lambda: ints.__setitem__(0, 2 ** 40),
           lambda: memoryview(bytearray(4))[:] == 1, lambda: memoryview(bytearray(4)).__setitem__(slice(0, 2), b"xyz"),
           lambda: m < m):
    try:
        print(op())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)

# bytes-like consumers take views
print(struct.unpack_from("<H", memoryview(b"\x00\x01\x02"), 1), int.from_bytes(memoryview(b"\x01\x00"), "little"))
print(bytes(memoryview(b"xyz")), b"-".join([memoryview(b"a"), b"b"]), str(memoryview(b"hi"), "ascii"))
buf = bytearray(8)
struct.pack_into("<I", memoryview(buf), 2, 0x01020304)
print(buf)
import hashlib, base64, binascii
print(hashlib.sha256(memoryview(b"abc")).hexdigest()[:16], base64.b64encode(memoryview(b"hi")), binascii.hexlify(memoryview(b"\x01\xff")))
