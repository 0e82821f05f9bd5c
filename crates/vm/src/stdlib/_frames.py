# Frame and traceback objects as Python code sees them (`exc.__traceback__`,
# `sys.exc_info()[2]`, `sys._getframe()`): built on demand from the entries the interpreter
# records (interp/frame_objects.rs, _frames.rs). gilvm's running frames are not objects: a
# frame object is a snapshot of one (its line, and its locals when it was taken).

import builtins as _builtins


class frame:
    __slots__ = ('f_code', 'f_globals', '_locals', 'f_lineno', 'f_lasti', 'f_back',
                 'f_trace', 'f_trace_lines', 'f_trace_opcodes', '__weakref__')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'frame' instances")

    @property
    def f_locals(self):
        if self._locals is None:
            self._locals = {}
        return self._locals

    @property
    def f_builtins(self):
        b = self.f_globals.get('__builtins__', _builtins)
        return b.__dict__ if type(b) is type(_builtins) else b

    def clear(self):
        self._locals = None

    def __repr__(self):
        return '<frame at %#x, file %r, line %d, code %s>' % (
            id(self), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)


def _frame(code, globals, locals, lasti, lineno, back):
    f = object.__new__(frame)
    f.f_code = code
    f.f_globals = globals
    f._locals = locals
    f.f_lasti = lasti
    f.f_lineno = lineno
    f.f_back = back
    f.f_trace = None
    f.f_trace_lines = True
    f.f_trace_opcodes = False
    return f


class traceback:
    __slots__ = ('tb_next', 'tb_frame', 'tb_lasti', 'tb_lineno')

    def __init__(self, tb_next, tb_frame, tb_lasti, tb_lineno):
        if tb_next is not None and type(tb_next) is not traceback:
            raise TypeError("expected traceback object or None, got '%s'"
                            % type(tb_next).__name__)
        if type(tb_frame) is not frame:
            raise TypeError("TracebackType() argument 'tb_frame' must be frame, not %s"
                            % type(tb_frame).__name__)
        self.tb_next = tb_next
        self.tb_frame = tb_frame
        self.tb_lasti = tb_lasti
        self.tb_lineno = tb_lineno

    def __repr__(self):
        return '<traceback object at %#x>' % id(self)


def _traceback(entries):
    # entries: (code, globals, lasti, lineno) per frame, outermost first.
    tbs = []
    back = None
    for code, globals, lasti, lineno in entries:
        back = _frame(code, globals, None, lasti, lineno, back)
        tbs.append((back, lasti, lineno))
    tb = None
    for f, lasti, lineno in reversed(tbs):
        tb = traceback(tb, f, lasti, lineno)
    return tb


def _stack(entries, depth):
    # entries: (code, globals, locals, lasti, lineno) per frame of the stack, outermost first.
    if depth < 0:
        depth = 0
    if depth >= len(entries):
        raise ValueError("call stack is not deep enough")
    back = None
    for code, globals, locals, lasti, lineno in entries[:len(entries) - depth]:
        back = _frame(code, globals, locals, lasti, lineno, back)
    return back
