# Trees built or changed in Python, compiled back to code: NodeTransformer, NodeVisitor,
# fix_missing_locations, eval of an Expression, and compile's errors for bad trees.
import ast
import copy


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


source = """
x = 1 + 2
print(x, 'hi')
def f(a, b=3, *args, c=4, **kw):
    return a * b + c
print(f(5))
class K:
    n = 10
    def get(self):
        return [i for i in range(self.n) if i % 2]
print(K().get())
try:
    raise ValueError(7)
except ValueError as e:
    print('caught', e.args)
match (1, 2):
    case (a, 2):
        print('matched', a)
with open(__file__) as fh:
    print(len(fh.readline()) > 0)
print(f"{x!r:>5}|")
"""
tree = Doubler().visit(ast.parse(source))
exec(compile(tree, "<doubled>", "exec"), {"__file__": __file__, "__name__": "doubled"})
print(ast.unparse(tree))


class Names(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id, type(node.ctx).__name__)
        self.generic_visit(node)


Names().visit(ast.parse("a = b + c[d]\ndel e"))

# A tree built by hand, with locations filled in.
call = ast.Call(func=ast.Name("print", ast.Load()),
                args=[ast.Constant("built"), ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))],
                keywords=[ast.keyword("sep", ast.Constant("="))])
module = ast.Module(body=[ast.Expr(call)], type_ignores=[])
ast.fix_missing_locations(module)
exec(compile(module, "<built>", "exec"))
expr = ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10)))
print(eval(compile(ast.fix_missing_locations(expr), "<e>", "eval")))
print(compile(ast.parse("1"), "<s>", "exec", ast.PyCF_ONLY_AST).__class__.__name__)

# Tracebacks from compiled trees point at the nodes' lines.
tree = ast.parse("\n\ndef boom():\n    return 1 / 0\n")
ns = {}
exec(compile(tree, "<lines>", "exec"), ns)
try:
    ns["boom"]()
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_lineno)

bad_trees = [
    (ast.Expression(ast.Constant(1)), "exec"),
    (ast.Module([ast.Pass()], []), "exec"),
    (ast.Module([ast.Expr(ast.Name("x", ast.Load()), lineno=1, col_offset=0)], []), "eval"),
    (ast.Module([ast.Expr(ast.Name(lineno=1, col_offset=0, ctx=ast.Load()), lineno=1, col_offset=0)], []), "exec"),
    (ast.Module([ast.Return(ast.Constant(1, lineno=1, col_offset=7), lineno=1, col_offset=0)], []), "exec"),
]
for tree, mode in bad_trees:
    try:
        compile(tree, "<bad>", mode)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

# Nodes: constructors, fields, copies, pattern matching.
n = ast.Name("x", ast.Load(), lineno=3)
print(n.id, n.lineno, n._fields, ast.Name._attributes, ast.Constant(1).kind, ast.Name.__doc__)
for args, kwargs in [(("x", 2, 3), {}), (("x",), {"id": "y"}), ((1,), {})]:
    try:
        ast.Name(*args, **kwargs) if args != (1,) else ast.Load(1)
    except TypeError as e:
        print(e)
t = ast.parse("a + 1")
print(ast.dump(copy.deepcopy(t)) == ast.dump(t), ast.dump(copy.copy(t.body[0])))
match ast.parse("x + 1").body[0].value:
    case ast.BinOp(left=ast.Name(id=name), op=ast.Add()):
        print("matched", name)
print(isinstance(ast.parse("1").body[0].value, ast.Num), ast.Num(3).n, ast.Str("s").s)
print(ast.get_docstring(ast.parse('def f():\n    "doc"\n').body[0]))
print([type(n).__name__ for n in ast.walk(ast.parse("a + b.c"))])
print(ast.dump(ast.parse("x", mode="eval")), ast.dump(ast.parse("x; y", mode="single")))
print(ast.increment_lineno(ast.parse("x"), 5).body[0].lineno)
