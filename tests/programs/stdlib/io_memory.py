import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\nlast"), s.tell(), s.getvalue())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()), s.tell())
s.seek(0)
print(s.readlines(), list(io.StringIO("a\nb\n\nc")), io.StringIO("x\ny\n").readlines(1))
s = io.StringIO("abcdef")
print(s.tell(), s.write("XY"), s.getvalue(), s.read(), s.tell())
s.seek(10)
s.write("!")
print(repr(s.getvalue()), s.truncate(4), s.getvalue(), s.tell(), s.seek(0, io.SEEK_END), s.seek(0, io.SEEK_CUR))
for call in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 5), lambda: s.write(b"x"),
             lambda: io.StringIO(b"x"), lambda: s.truncate(-1)]:
    try:
        call()
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
with io.StringIO("data") as f:
    print(f.read(), f.closed, f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
print(io.StringIO(None).getvalue() == "", io.StringIO("a\nb").readline(1))
lines = io.StringIO()
lines.writelines(["a", "b", "c\n"])
print(repr(lines.getvalue()))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

b = io.BytesIO(b"line1\nline2\n")
print(b.read(3), b.readline(), b.readlines(), b.tell(), b.getvalue())
b.seek(-2, 2)
print(b.read(), b.seek(1, 0), b.seek(2, 1), b.write(b"ZZ"), b.getvalue(), b.write(bytearray(b"!")))
b.seek(20)
b.write(b"end")
print(b.getvalue(), b.truncate(5), b.getvalue(), list(io.BytesIO(b"a\nb")))
for call in [lambda: b.write("s"), lambda: b.seek(-1), lambda: io.BytesIO("s"), lambda: b.seek(0, 9)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
with io.BytesIO() as b2:
    b2.write(b"abc")
    buf = bytearray(2)
    b2.seek(0)
    print(b2.readinto(buf), buf, b2.read1(), b2.getvalue())
print(b2.closed)
print(type(io.StringIO()).__name__, type(io.BytesIO()).__name__)
