# BytesIO.getbuffer(): a view that shares the stream's bytes; while it is alive the stream
# cannot be resized or closed. readinto() fills any writable buffer.
import io

b = io.BytesIO(b"hello world")
view = b.getbuffer()
print(type(view).__name__, bytes(view), view.readonly, len(view))
view[0] = ord("J")
print(b.getvalue(), b.read(5))
for op in (lambda: b.write(b"HE"), lambda: b.write(b"x" * 20), lambda: b.truncate(2), lambda: b.close()):
    try:
        op()
    except BufferError as e:
        print("BufferError:", e)
del view
b.seek(0, 2)
b.write(b"!")
print(b.getvalue())
with b.getbuffer() as v:
    print(v[-1], v.tobytes()[:3])
b.truncate(5)
print(b.getvalue())

target = bytearray(4)
src = io.BytesIO(b"abcdefg")
print(src.readinto(target), target, src.readinto(memoryview(target)[1:]), target)
print(src.readinto(bytearray(3)))
same = io.BytesIO(b"x" * 10)
print(same.readinto(same.getbuffer()), same.getvalue())
print(io.BytesIO(memoryview(b"from a view")).read(), io.BytesIO().write(memoryview(b"abc")))
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError:", e)
import _io
print(_io.BytesIO is io.BytesIO, _io.StringIO("s").read())
