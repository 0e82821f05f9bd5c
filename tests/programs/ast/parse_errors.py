# SyntaxError from ast.parse: CPython's messages and positions; and what parses but
# would not compile.
import ast

for src in ["x = (1,", "a b", "if x\n    pass", "  x = 1", "x = 1 +",
            "f(**a, *b)", "del f()", "x = 'abc", "return", "for x in y:\npass", "1 = x"]:
    try:
        ast.parse(src, filename="<src>")
        print(repr(src), "parses")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.filename)

# The compiler's checks are not the parser's: these parse into trees.
for src in ["return 1", "break", "yield x", "nonlocal a", "await x"]:
    print(ast.dump(ast.parse(src).body[0]))
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print("  compile:", e.msg)
