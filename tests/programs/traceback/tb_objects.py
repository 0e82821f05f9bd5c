# Traceback, frame and code objects: exc.__traceback__, sys.exc_info()[2], with_traceback,
# the traceback module over them, sys._getframe.
import sys
import traceback


def inner(x):
    y = x * 2
    return {}[y]


def outer():
    return inner(21)


try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    print(type(tb).__name__, sys.exc_info()[2] is tb, e.__traceback__ is tb)
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        print(code.co_name, lineno, code.co_firstlineno, code.co_argcount,
              code.co_varnames, '__name__' in frame.f_globals)
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_next)
    print(isinstance(tb.tb_lasti, int), tb.tb_frame.f_back)
    print(tb.tb_next.tb_frame.f_back.f_code.co_name)
    for s in traceback.extract_tb(tb):
        print(s.name, s.lineno, repr(s.line))
    print(''.join(traceback.format_tb(tb)), end='')
    print(''.join(traceback.format_tb(tb, limit=1)), end='')
    traceback.print_tb(tb, file=sys.stdout)
    print(''.join(traceback.format_exception(e)), end='')
    traceback.print_exception(type(e), e, tb, file=sys.stdout)
    te = traceback.TracebackException.from_exception(e)
    print(len(te.stack), te.exc_type.__name__, list(te.format_exception_only()))

# with_traceback and assigning __traceback__
e = ValueError("fresh")
print(e.__traceback__)
try:
    raise e
except ValueError as caught:
    saved = caught.__traceback__
print(e.with_traceback(None) is e, e.__traceback__)
e.__traceback__ = saved
print(e.__traceback__ is saved, traceback.extract_tb(e.__traceback__)[0].lineno)
try:
    e.__traceback__ = 5
except TypeError as err:
    print(err)

# chained exceptions print through their own tracebacks
def fail():
    try:
        inner(1)
    except KeyError as exc:
        raise RuntimeError("wrapped") from exc

try:
    fail()
except RuntimeError as e:
    print(''.join(traceback.format_exception(e)), end='')
    print(traceback.format_exc(), end='')


# sys._getframe and stacks
def where():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, sorted(caller.f_locals), caller.f_code.co_name, f.f_back.f_code.co_name


def calls_where():
    local_value = 42
    print(where())
    print(sys._getframe().f_locals)


calls_where()
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(100)
except ValueError as err:
    print(err)


def show_stack():
    traceback.print_stack(sys._getframe(), file=sys.stdout)
    print(len(traceback.extract_stack(sys._getframe())))
    for frame, lineno in traceback.walk_stack(sys._getframe()):
        print(frame.f_code.co_name, lineno)


show_stack()
f = sys._getframe()
print(f.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else f.f_builtins is __builtins__)
print(f.f_globals is globals(), f.f_code.co_filename == __file__, f.f_code.co_qualname)
