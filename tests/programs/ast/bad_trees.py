# compile() of malformed trees: CPython's TypeErrors, in the order CPython checks (positions first).
import ast
L = dict(lineno=1, col_offset=0)
cases = [
    ast.Module([1], []),
    ast.Module([ast.Expr(ast.BinOp(ast.Constant(1, **L), ast.Load(), ast.Constant(2, **L), **L), **L)], []),
    ast.Module([ast.Expr(ast.Compare(ast.Constant(1, **L), [ast.Add()], [ast.Constant(2, **L)], **L), **L)], []),
    ast.Module([ast.Expr(ast.UnaryOp(ast.Add(), ast.Constant(2, **L), **L), **L)], []),
    ast.Module([ast.Expr(ast.BoolOp(ast.Add(), [ast.Constant(2, **L)], **L), **L)], []),
    ast.Module([ast.Expr(ast.Name(1, ast.Load(), **L), **L)], []),
    ast.Module([ast.Expr(ast.Constant([1], **L), **L)], []),
    ast.Module(ast.Pass(**L), []),
    42,
    ast.Module([ast.Expr(ast.Pass(**L), **L)], []),
]
for tree in cases:
    try:
        compile(tree, "<t>", "exec")
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
