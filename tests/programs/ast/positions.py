# Node positions where the parser's spans needed care: compound statements followed by a
# comment, a call's lone generator argument, tuples with a trailing comma, unicode columns.
import ast

src = '''def f(x):
    if x:  # comment
        return [y for y in x]   # another
    else:
        pass  # trailing
    for i in x: print(i)  # c
    try:
        pass
    except E:  # c
        raise   # c
    with a:
        b   # c

print(sum(x for x in range(3)), max((v, k) for k, v in d.items()))
print(f(
    x for x in y
))
g((x for x in y))
a, = b
c = d,   # comment
s = 'héllo' + "€"; t = s
'''
for node in ast.walk(ast.parse(src)):
    if hasattr(node, 'lineno'):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
