# array.array as a buffer: memoryview shares and writes through its memory, an exported
# array cannot be resized, struct writes into it, files, the live iterator, pickling.
import io
import pickle
import struct
from array import array, typecodes

a = array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.readonly, m.obj is a, m.tolist())
m[0] = 10
a[1] = 20
print(a, m.tolist())
for grow in (lambda: a.append(4), lambda: a.extend([5]), lambda: a.pop(),
             lambda: a.frombytes(b'\0' * 4), lambda: a.insert(0, 1), lambda: a.__imul__(2),
             lambda: a.__delitem__(0), lambda: a.remove(10)):
    try:
        grow()
    except BufferError as e:
        print("BufferError:", e)
a.reverse()
a.byteswap()
a.byteswap()
print(a, "same size is allowed while exported")
m.release()
a.append(4)
print(a)

b = array('b', [1, 2, 3])
mb = memoryview(b)
try:
    b.frombytes(mb)
except BufferError as e:
    print("frombytes of itself:", e)
del mb
try:
    array('i').frombytes(memoryview(array('i', [1])))
except TypeError as e:
    print("TypeError:", e)
b.frombytes(memoryview(b'\x07'))
b.frombytes(array('B', [8]))
print(b)

buf = array('b', bytes(8))
struct.pack_into('<hi', buf, 1, -2, 70000)
print(buf, struct.unpack_from('<hi', buf, 1), struct.unpack('<q', array('b', bytes(8))))
try:
    struct.pack_into('i', b'abcd', 0, 1)
except TypeError as e:
    print("TypeError:", e)

f = io.BytesIO()
array('h', [1, -1, 300]).tofile(f)
print(f.getvalue())
f.seek(0)
h = array('h')
h.fromfile(f, 2)
print(h)
try:
    h.fromfile(f, 5)
except EOFError as e:
    print("EOFError:", e, h)
for bad in (-1, 'x'):
    try:
        h.fromfile(io.BytesIO(), bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

it = iter(array('B', [1, 2]))
print(type(it).__name__, type(it).__module__, next(it))
print(list(it), list(it))
grow = array('B', [1])
it = iter(grow)
grow.append(2)
print(list(it))
print(iter(array('d', [0.5])).__reduce__()[1])

for tc in typecodes:
    x = array(tc, 'hé' if tc == 'u' else [1, 2])
    round_trips = all(pickle.loads(pickle.dumps(x, p)) == x for p in range(6))
    print(tc, x.itemsize, memoryview(x).format, x.__reduce_ex__(3)[1][2], round_trips)
print(array('H', [1, 2]).__reduce_ex__(2))
from array import _array_reconstructor
print(_array_reconstructor(array, 'h', 5, b'\x00\x01\xff\xfe'))
print(_array_reconstructor(array, 'u', 21, b'\x00\x00\x00h\x00\x00\x00i'))
for args in ((1, 'b', 0, b''), (int, 'b', 0, b''), (array, 'z', 0, b''), (array, 'b', 99, b''),
             (array, 'b', 0, 'x')):
    try:
        _array_reconstructor(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Reenter:
    def __init__(self, arr):
        self.arr = arr

    def write(self, chunk):
        self.arr.append(0)
        return len(chunk)


r = array('b', range(3))
r.tofile(Reenter(r))
print(len(r))

s = array('i', [1, 2, 3])


class Index:
    def __index__(self):
        s[1] = 9
        return 7


s[0] = Index()
print(s, 3 in s, 4 in s)
for bad in (lambda: s.__setitem__(5, 1), lambda: array('b')[0], lambda: s.__setitem__(0, 2**40)):
    try:
        bad()
    except (IndexError, OverflowError) as e:
        print(type(e).__name__, e)
