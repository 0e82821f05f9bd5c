# tokenize (CPython's own module) over source text: token types, positions, lines.
import io
import token
import tokenize

src = '''def f(a, b=1):
    """doc"""
    return a + b  # comment

x = f'{1}' + rb"raw" \\
    + 0x1F * 1.5e3j
if x:
    y = [1,
         2]
'''
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[t.type], repr(t.string), t.start, t.end)

print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("a = 1 + 2\n").readline)))
enc, lines = tokenize.detect_encoding(io.BytesIO(b"# -*- coding: latin-1 -*-\nx = 1\n").readline)
print(enc, lines)
try:
    list(tokenize.generate_tokens(io.StringIO("s = '''never closed\n").readline))
except tokenize.TokenError as e:
    print("TokenError", e.args)
print(token.ISTERMINAL(token.NAME), token.EXACT_TOKEN_TYPES['+'] == token.PLUS)
