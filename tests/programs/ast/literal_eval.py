# ast.literal_eval: the literals it accepts, and the errors for everything else.
import ast

good = [
    "[1, -2.5, (3, 4j), {'a': b'x'}, {1, 2}, None, True, 1+2j, -(3)]",
    "  {'nested': [1, (2, [3, {4: 5}])]}",
    "'implicit' ' concatenation'",
    "-1.5e3", "+7", "3-4j", "()", "[]", "{}", "0x1f", "1_000",
    "\t42",
]
for src in good:
    print(repr(ast.literal_eval(src)))

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=5)))

bad = ["x", "1 + x", "f()", "{**a}", "set()", "- 'a'", "a.b", "[i for i in x]",
       "1 if 2 else 3", "2 ** 3", "'a' + 'b'", "(1, x)", "{x: 1}"]
for src in bad:
    try:
        ast.literal_eval(src)
    except ValueError as e:
        # The message ends with the node's repr, which holds its address.
        print(src, "->", type(e).__name__, str(e).split(": <")[0])

for src in ["[1, 2", "'unterminated"]:
    try:
        ast.literal_eval(src)
    except SyntaxError as e:
        print(src, "->", type(e).__name__, e.msg, e.lineno, e.offset)

try:
    ast.literal_eval(3)
except ValueError as e:
    print(type(e).__name__, str(e).split(": <")[0])
