# The unraisable hook gets the exception's real traceback (exc_traceback is its
# __traceback__), and the default hook prints the traceback it is given: the frames of
# a failing __del__, fewer when the record's traceback is cut, none when it is None.
import io
import re
import sys


def masked(text):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", text)


class Doomed:
    def __del__(self):
        helper()


def helper():
    raise ValueError("from __del__")


def frames(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


seen = []


def recording_hook(args):
    seen.append(args)


sys.unraisablehook = recording_hook
d = Doomed()
del d
args = seen.pop()
print(args.exc_type.__name__, args.exc_value, args.err_msg)
print(type(args.exc_traceback).__name__, frames(args.exc_traceback))
print("is __traceback__:", args.exc_traceback is args.exc_value.__traceback__)


def replay(tb):
    "The default hook on the recorded args, with traceback `tb`, captured."
    record = type(args)((args.exc_type, args.exc_value, tb, args.err_msg, args.object))
    old = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        sys.__unraisablehook__(record)
    finally:
        sys.stderr = old
    print(masked(buf.getvalue()), end="")


print("-- whole traceback")
replay(args.exc_traceback)
print("-- from the second frame")
replay(args.exc_traceback.tb_next)
print("-- no traceback")
replay(None)

print("-- the default hook, installed")
sys.unraisablehook = sys.__unraisablehook__
old = sys.stderr
sys.stderr = buf = io.StringIO()
d = Doomed()
del d
sys.stderr = old
print(masked(buf.getvalue()), end="")
