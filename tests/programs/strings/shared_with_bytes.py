# The methods str and bytes/bytearray share: one implementation, each type's own messages.


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


for expr in [
    # splitting
    "'  a  b c '.split()", "b'  a  b c '.split()", "bytearray(b' a b ').split()",
    "'a,b,,c'.split(',')", "b'a,b,,c'.split(b',', 1)", "b'a b c'.split(sep=b' ', maxsplit=1)",
    "'  a b c  '.rsplit(None, 1)", "b'  a b c  '.rsplit(maxsplit=1)", "'aaa'.rsplit('aa')",
    "'a b '.split(None, 1)", "'  a b '.split(maxsplit=0)", "'  a b '.rsplit(maxsplit=0)",
    "'a\\u2003b'.split()", "'x'.split('')", "b'x'.split(b'')", "'x'.split(1)", "b'x'.split(1)",
    "'a\\nb\\r\\nc\\rd\\x0be'.splitlines()", "b'a\\nb\\r\\nc\\rd\\x0be'.splitlines()",
    "'a\\nb\\r\\n'.splitlines(True)", "b'a\\nb\\r\\n'.splitlines(keepends=True)",
    "'a\\u2028b'.splitlines()", "bytearray(b'x\\ny').splitlines()",
    # partition
    "'a=b=c'.partition('=')", "'a=b=c'.rpartition('=')", "'abc'.partition('x')",
    "'abc'.rpartition('x')", "b'a=b=c'.partition(b'=')", "b'abc'.rpartition(b'x')",
    "'a'.partition('')", "b'a'.rpartition(b'')", "'a'.partition(1)", "b'a'.partition(1)",
    # searching
    "'abcabc'.find('c')", "'abcabc'.rfind('c')", "'abcabc'.find('c', 3)", "'abcabc'.find('c', -2, -1)",
    "b'abcab'.find(b'ab', 1)", "b'abcab'.count(b'ab', 1, 4)", "b'abc'.find(99)", "b'abc'.rfind(97)",
    "'abc'.find('', 3)", "'abc'.find('', 4)", "b'abc'.find(b'', 4)", "'abc'.find('', 2, 1)",
    "'a'.count('', 5)", "'abc'.count('')", "'h\\xe9llo h\\xe9'.find('h\\xe9', 1)", "'\\xe9\\xe9x'.index('x')",
    "'aaaa'.count('aa')", "b'aaaa'.count(b'a', 1)", "'a'.index('b')", "b'a'.index(b'b')",
    "b'a'.rindex(b'b')", "'a'.find(1)", "b'a'.find(1.0)", "b'a'.find(300)",
    # affixes
    "'hello'.startswith('he')", "'hello'.startswith(('x', 'hel'))", "'hello'.endswith('lo', 0, 4)",
    "'hello'.startswith('l', 2)", "b'ab'.startswith(b'b', 1)", "b'ab'.endswith((b'x', b'ab'))",
    "bytearray(b'ab').startswith(bytearray(b'a'))", "'a'.startswith('', 5)",
    "'a'.startswith(1)", "b'a'.startswith(1)", "'a'.startswith(('x', 1))", "b'a'.startswith((b'x', 1))",
    "'prefix-x'.removeprefix('prefix-')", "b'x.py'.removesuffix(b'.py')", "'a'.removeprefix(1)",
    "b'a'.removeprefix(1)",
    # replace
    "'aXbXc'.replace('X', '--')", "'aXbXc'.replace('X', '', 1)", "'ab'.replace('', '-')",
    "b'ab'.replace(b'', b'-')", "'ab'.replace('', '-', 2)", "b'aXbX'.replace(b'X', b'yy', -1)",
    "bytearray(b'aa').replace(b'a', b'b')", "'a'.replace(1, 'b')", "b'a'.replace(1, b'b')",
    # strip
    "'  x  '.strip()", "'  x  '.lstrip()", "'  x  '.rstrip()", "'xyaxy'.strip('xy')",
    "b' \\tx\\n'.strip()", "b'xyaxy'.lstrip(b'y x')", "bytearray(b'..a..').rstrip(b'.')",
    "'\\xe9a\\xe9'.strip('\\xe9')", "'  '.strip()", "'a'.strip(1)", "b'a'.strip(1)", "'a'.lstrip(1, 2)",
    # justify
    "'ab'.center(7, '*')", "'ab'.center(6)", "'abc'.center(6, '.')", "'ab'.ljust(5, '-')", "'ab'.rjust(5)",
    "b'ab'.center(7, b'*')", "b'ab'.ljust(4)", "bytearray(b'ab').rjust(4, b'0')", "'ab'.ljust(1)",
    "'a'.center(5, 1)", "'a'.center(5, 'ab')", "b'a'.center(5, 1)", "b'a'.center(5, b'ab')",
    "'-42'.zfill(6)", "'+7'.zfill(4)", "'abc'.zfill(2)", "b'-a'.zfill(5)", "b'a'.zfill(5)",
    "'a\\tbc\\td'.expandtabs()", "'a\\tb\\nc\\td'.expandtabs(4)", "b'a\\tb'.expandtabs(2)", "'a\\tb'.expandtabs(0)",
    # join
    "'-'.join(['a', 'b', 'c'])", "b'-'.join([b'a', bytearray(b'b')])", "bytearray(b', ').join([b'x', b'y'])",
    "'a'.join([1])", "b'a'.join([1])", "''.join([])",
    # predicates
    "'abc'.isalpha()", "'ab1'.isalpha()", "b'abc'.isalpha()", "''.isalpha()", "b''.isdigit()",
    "'123'.isdigit()", "b'12'.isdigit()", "'a1'.isalnum()", "b'a1!'.isalnum()", "' \\t'.isspace()",
    "b' \\x0b'.isspace()", "'ABC1'.isupper()", "'AbC'.isupper()", "b'ABC'.isupper()", "b'abc1'.islower()",
    "'123'.islower()", "'Hello World'.istitle()", "'Hello world'.istitle()", "b'Hello World'.istitle()",
    "'ab\\xe9'.isascii()", "b'ab\\xff'.isascii()", "'x'.isdigit(1)", "b'x'.isalpha(1)",
    # case
    "'hello wORLD'.title()", "b'hello wORLD'.title()", "'hELLO'.capitalize()", "b'hELLO'.capitalize()",
    "'Hello'.swapcase()", "b'Hello'.swapcase()", "'stra\\xdfe'.upper()", "'\\u03a3\\u0391\\u03a3'.lower()",
    "b'MiXed'.lower()", "bytearray(b'abc').upper()", "'x'.upper(1)", "b'x'.title(1)",
]:
    show(expr)
