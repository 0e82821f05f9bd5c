# compile() of hand-built trees whose parallel lists differ in length: CPython's ValueError,
# never a crash.
import ast

dict_expr = ast.Expression(ast.Dict(keys=[ast.Constant(1), ast.Constant(2)], values=[ast.Constant(3)]))
source = "match x:\n    case {1: a}: pass\n    case C(p=1): pass\n"

def bad_match(which):
    tree = ast.parse(source)
    mapping, cls = tree.body[0].cases[0].pattern, tree.body[0].cases[1].pattern
    if which == 'mapping':
        mapping.patterns = []
    else:
        cls.kwd_attrs = ['p', 'q', 'r']
    return tree

for name, tree, mode in [('dict', dict_expr, 'eval'), ('mapping', bad_match('mapping'), 'exec'),
                         ('class', bad_match('class'), 'exec')]:
    try:
        compile(ast.fix_missing_locations(tree), '<tree>', mode)
    except ValueError as e:
        print(name, 'ValueError:', e)
print(eval(compile(ast.fix_missing_locations(ast.Expression(ast.Dict(keys=[ast.Constant(1)], values=[ast.Constant(2)]))), '<t>', 'eval')))
