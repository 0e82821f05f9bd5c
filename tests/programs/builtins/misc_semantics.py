# A subclass of the left operand's type that overrides the reflected method goes first.
class FloatSub(float):
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
    def __gt__(self, o): return "gt"
    def __lt__(self, o): return "lt"
print(1.0 + FloatSub(2.0), 1.0 - FloatSub(2.0), 1.0 < FloatSub(2.0), 1.0 > FloatSub(2.0))
class IntSub(int):
    def __radd__(self, o): return "int radd"
    def __rmul__(self, o): return "int rmul"
print(1 + IntSub(2), 3 * IntSub(2))
class StrSub(str):
    def __radd__(self, o): return "str radd"
    def __rmod__(self, o): return "str rmod"
print("a" + StrSub("b"), "%s" % StrSub("b"))
class ListSub(list):
    def __radd__(self, o): return "list radd"
    def __eq__(self, o): return "list eq"
print([1] + ListSub([2]), [1] == ListSub([2]))
class BytesSub(bytes):
    def __rmod__(self, o): return "bytes rmod"
print(b"%s" % BytesSub(b"x"))
class DictSub(dict):
    def __ror__(self, o): return "dict ror"
print({1: 2} | DictSub())
class SetSub(set):
    def __rsub__(self, o): return "set rsub"
print({1} - SetSub())
class Declines(int):
    def __radd__(self, o): return NotImplemented
print(1 + Declines(3))
class Plain(float): pass
print(1.0 + Plain(2.0), type(1.0 + Plain(2.0)).__name__)

# An escaped backslash before N{ in an f-string is no \N escape.
x = 5
print(f"\\N{x}", f"\\N{{x}}", rf"\N{x}", f"\N{DIGIT ONE}{x}", f"\\\N{DIGIT TWO}")

# exec in globals without __name__: classes are of builtins, and keep their methods.
ns = {}
exec("class A:\n    def m(self): return 'm'\nprint(A.__module__, A().m(), A)", ns)
print(ns["A"]().m(), "__name__" in ns)

# A function's code object is one object.
def outer():
    def inner(): pass
    return inner
print(outer.__code__ is outer.__code__, outer().__code__ is outer().__code__,
      outer().__code__ in outer.__code__.co_consts)

# StringIO and BytesIO are io's text and buffered streams.
import io
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase),
      isinstance(io.StringIO(), io.IOBase), issubclass(io.BytesIO, io.IOBase),
      isinstance(io.BytesIO(), io.TextIOBase), issubclass(io.StringIO, io.BufferedIOBase))

# compile() places a block missing at the end of its source at the end of the last line.
for src in ["for x in y:\n", "if 1:\n# c\n", "while 1:\n\n\n", "try:\n    pass\nexcept:\n"]:
    try:
        compile(src, "f", "exec")
    except IndentationError as e:
        print(e.lineno, e.offset, repr(e.text), e.msg)
