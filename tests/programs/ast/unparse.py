# ast.unparse of parsed sources, and the round trip parse(unparse(tree)) == tree.
import ast

sources = [
    "a if b else c", "lambda x, /, y=1, *a, k, **kw: (x, y)", "f(*a, **k)", "x[1:2, ::3]",
    "not (a and b) or c", "def g():\n    (yield x)\n    yield from y", "f'{a!r:>{w}} {b=}'",
    "a @ b ** -c", "{**a, 'b': 1}", "(a := 1)", "[*a, *b]", "print(*a, sep='')",
    "async def f():\n    async with a as b, c:\n        await d\n    async for x in y:\n        pass",
    "@dec\nclass C(B, metaclass=M):\n    x: int = 1\n    def m(self) -> 'C':\n        return self",
    "try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nelse:\n    pass\nfinally:\n    pass",
    "match p:\n    case [1, *rest] if rest:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case P(x=0) | None:\n        pass",
    "from . import a as b\nimport c.d\nglobal g\ndel x[0], y.z", "x = (1,)\ny = ()\nz = -1 ** 2",
    "for i, j in k:\n    continue\nelse:\n    break", "while 1:\n    x += 1",
    "assert x, 'm'", "1e400, 10j, 'a\\n', b'\\x00', ..., None", "{x for x in y if x} and {k: v for k, v in z}",
]
for src in sources:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print("round trip:", ast.dump(ast.parse(text)) == ast.dump(tree))
