# gilvm's traceback: CPython 3.11's API over the native `_code_entry`, `_exception_only`
# and `_stack_entries` (traceback.rs), which give what an uncaught exception prints, carets
# included. Traceback and frame objects are `_frames`' (`exc.__traceback__`,
# `sys._getframe()`).

import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3
_sentinel = object()


class FrameSummary:
    """One frame of a stack or traceback: filename, lineno, name, line."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals', '_carets')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self._carets = None
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            import linecache
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def _summary(entry):
    filename, lineno, name, line, carets = entry
    f = FrameSummary(filename, lineno, name, lookup_line=False, line=line or '')
    f._carets = carets
    return f


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        result = klass()
        for f, lineno in frame_gen:
            filename, _, name, line, _ = _code_entry(f.f_code, f.f_lasti)
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, line=line or '',
                locals=f.f_locals if capture_locals else None))
        if limit is not None:
            result[:] = result[:limit] if limit >= 0 else result[limit:]
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line))
            carets = getattr(frame_summary, '_carets', None)
            if carets:
                row.append(carets + '\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result


def _limited(entries, limit, innermost):
    # `limit` entries from the top (a traceback), or from the innermost end (a stack); a
    # negative limit counts from the other end.
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if innermost:
        limit = -limit
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def _stack_summary(entries, limit, from_end):
    return StackSummary(_summary(e) for e in _limited(entries, limit, from_end))


# -- stacks --------------------------------------------------------------------------------

def _frame_entries(f, limit):
    # Innermost first from `f` (a frame object) up its f_back chain; no carets for stacks.
    entries = []
    for frame, lineno in walk_stack(f):
        filename, _, name, line, _ = _code_entry(frame.f_code, frame.f_lasti)
        entries.append((filename, lineno, name, line, None))
    entries.reverse()
    return _limited(entries, limit, True)


def _caller_stack(f, limit):
    return StackSummary(_summary(e) for e in _frame_entries(f, limit))


def extract_stack(f=None, limit=None):
    if f is None:
        return _stack_summary(_stack_entries()[:-1], limit, True)
    return _caller_stack(f, limit)


def format_stack(f=None, limit=None):
    if f is None:
        return _stack_summary(_stack_entries()[:-1], limit, True).format()
    return _caller_stack(f, limit).format()


def print_stack(f=None, limit=None, file=None):
    if f is None:
        stack = _stack_summary(_stack_entries()[:-1], limit, True)
    else:
        stack = _caller_stack(f, limit)
    print_list(stack, file=file)


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def clear_frames(tb):
    while tb is not None:
        tb.tb_frame.clear()
        tb = tb.tb_next


def _tb_entries(tb):
    entries = []
    while tb is not None:
        filename, _, name, line, carets = _code_entry(tb.tb_frame.f_code, tb.tb_lasti)
        entries.append((filename, tb.tb_lineno, name, line, carets))
        tb = tb.tb_next
    return entries


# -- lists of entries ----------------------------------------------------------------------

def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def extract_tb(tb, limit=None):
    return _stack_summary(_tb_entries(tb), limit, False)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


# -- exceptions ----------------------------------------------------------------------------

def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(
                f'Exception expected for value, '
                f'{type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    if file is None:
        file = sys.stderr
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


class TracebackException:
    """An exception ready for rendering: `stack`, `exc_type`, `__cause__`, `__context__`."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._exc = exc_value
        self._str = _safe_str(exc_value)
        self.stack = _stack_summary(_tb_entries(exc_traceback), limit, False)
        if capture_locals:
            tb = exc_traceback
            for summary in self.stack:
                summary.locals = {k: repr(v) for k, v in tb.tb_frame.f_locals.items()}
                tb = tb.tb_next
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.__suppress_context__ = (
            exc_value.__suppress_context__ if exc_value is not None else False)
        self.__cause__ = self.__context__ = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(
                    type(cause), cause, cause.__traceback__, limit=limit,
                    capture_locals=capture_locals, _seen=_seen)
            context = exc_value.__context__
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(
                    type(context), context, context.__traceback__, limit=limit,
                    capture_locals=capture_locals, _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        if isinstance(self._exc, BaseException):
            yield from _split_report(_exception_only(self._exc))
        else:
            yield _format_final_exc_line(self.exc_type.__qualname__, self._str)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_str(note)
                yield from [l + '\n' for l in note.split('\n')]

    def format(self, *, chain=True):
        output = []
        exc = self
        while exc is not None:
            if chain:
                if exc.__cause__ is not None:
                    chained_msg = ("\nThe above exception was the direct cause "
                                   "of the following exception:\n\n")
                    chained_exc = exc.__cause__
                elif (exc.__context__ is not None and
                      not exc.__suppress_context__):
                    chained_msg = ("\nDuring handling of the above exception, "
                                   "another exception occurred:\n\n")
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
            else:
                output.append((None, exc))
                exc = None
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()


def _split_report(text):
    # A SyntaxError's report comes as one text: one string per line, as CPython yields them.
    return [line for line in text.splitlines(keepends=True)]


def _format_final_exc_line(etype, value):
    valuestr = _safe_str(value)
    if value is None or not valuestr:
        line = "%s\n" % etype
    else:
        line = "%s: %s\n" % (etype, valuestr)
    return line


def _safe_str(value):
    try:
        return str(value)
    except:
        return '<exception str() failed>'
