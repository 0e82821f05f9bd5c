import re
import sys
import traceback


class Out:
    # CPython names this script by its absolute path: keep only the file name.
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(re.sub(r'File "[^"]*/', 'File "', text))

    def flush(self):
        self.stream.flush()


sys.stdout = Out(sys.stdout)


def inner(x):
    return 1 / x + [1, 2][x]


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(text.splitlines()[-1])

try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad value') from e
except ValueError as e:
    sys.stdout.write(''.join(traceback.format_exception(e)))
    print(traceback.format_exception_only(type(e), e))
    print(len(traceback.format_exception(type(e), e, e.__traceback__, chain=False)))
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack), te.stack[0].name, te.stack[0].line)
    print(list(te.format_exception_only()))
    fs = te.stack[0]
    print(repr(fs), fs.lineno, tuple(fs))


def show():
    for entry in traceback.extract_stack():
        print(entry.name, entry.lineno, entry.line)
    traceback.print_stack(file=sys.stdout)
    x = traceback.format_stack(limit=1)
    print(x)


def caller():
    show()


caller()


def rec(n):
    if n == 0:
        raise RuntimeError('deep')
    return rec(n - 1)


try:
    rec(10)
except RuntimeError:
    traceback.print_exc(limit=None, file=sys.stdout)
    traceback.print_exc(limit=2, file=sys.stdout)
    traceback.print_exc(limit=-2, file=sys.stdout)

class MyError(Exception):
    pass

try:
    raise MyError()
except MyError as e:
    print(traceback.format_exception_only(e))
print(traceback.format_exception_only(None))
print(traceback.format_exc())
try:
    compile('x = (', 'src.py', 'exec')
except SyntaxError as e:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception_only(e))
print(traceback.format_list([('a.py', 1, 'f', 'pass')]))
traceback.print_exception(KeyError('x'))
outer()
