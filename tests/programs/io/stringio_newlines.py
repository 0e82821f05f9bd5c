# io.StringIO's newline argument: universal newlines (None translates, '' keeps them),
# '\r' and '\r\n' on write, the newlines attribute, and readline's line ends.
from io import StringIO

for newline in (None, "", "\n", "\r", "\r\n"):
    f = StringIO("a\rb\r\nc\nd", newline=newline)
    print(repr(newline), repr(f.getvalue()), f.newlines, f.readlines())
    print(f.write("x\ny\r"), repr(f.getvalue()), f.newlines)
    f.seek(0)
    print([f.readline() for _ in range(6)])

f = StringIO(newline=None)
f.write("\r")
print(repr(f.newlines))
f.__init__("x\n", newline=None)
print(repr(f.newlines), repr(f.getvalue()))
f.close()
try:
    f.newlines
except ValueError as e:
    print("ValueError", e)
for bad in (5, "x"):
    try:
        StringIO(newline=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(StringIO().newlines, list(StringIO("l1\nl2\n")))
