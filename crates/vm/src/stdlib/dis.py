# gilvm's dis: CPython's interface (dis, disassemble, get_instructions, Bytecode,
# code_info, show_code, findlinestarts, findlabels, opname/opmap) over gilvm's own
# instructions, which dis.rs lists. Offsets are instruction indexes (jump targets count in
# them), names and arguments are gilvm's, and there is no RESUME, CACHE or exception table.

import collections
import io
import sys
import types

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode",
           "opname", "opmap", "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "EXTENDED_ARG", "HAVE_ARGUMENT"]

# `opname` (index = opcode) comes from dis.rs.
opmap = {name: code for code, name in enumerate(opname)}
cmp_op = ('<', '<=', '==', '!=', '>', '>=')


def _codes(*names):
    return [opmap[n] for n in names if n in opmap]


hasconst = _codes('LOAD_CONST')
hasname = _codes('LOAD_NAME', 'STORE_NAME', 'DELETE_NAME', 'LOAD_GLOBAL', 'STORE_GLOBAL',
                 'DELETE_GLOBAL', 'LOAD_ATTR', 'STORE_ATTR', 'DELETE_ATTR', 'LOAD_METHOD',
                 'IMPORT_NAME', 'IMPORT_FROM')
haslocal = _codes('LOAD_FAST', 'STORE_FAST', 'DELETE_FAST')
hasfree = _codes('LOAD_DEREF', 'STORE_DEREF', 'DELETE_DEREF', 'LOAD_CLOSURE',
                 'LOAD_CLASSDEREF')
hascompare = _codes('COMPARE_OP')
# gilvm's jumps name their target instruction: all are absolute.
hasjabs = _codes('JUMP', 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE', 'JUMP_IF_FALSE_OR_POP',
                 'JUMP_IF_TRUE_OR_POP', 'FOR_ITER', 'SETUP_FINALLY', 'JUMP_IF_NOT_EXC_MATCH',
                 'SETUP_WITH', 'SETUP_ASYNC_WITH')
hasjrel = []
hasnargs = []
EXTENDED_ARG = None
HAVE_ARGUMENT = 0

_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod,
              staticmethod, type)

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


def _try_compile(source, name):
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        return compile(source, name, 'exec')


def _unwrap(x):
    """The code object of a method, function, generator or coroutine; `x` otherwise."""
    if hasattr(x, '__func__'):
        x = x.__func__
    for attr in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def _get_code_object(x):
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects."""
    if x is None:
        distb(file=file)
        return
    x = _unwrap(x)
    if hasattr(x, '__dict__'):  # a class or module
        for name, x1 in sorted(x.__dict__.items()):
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    for title, items, fmt in (("Constants:", co.co_consts, "%4d: %r"),
                              ("Names:", co.co_names, "%4d: %s"),
                              ("Variable names:", co.co_varnames, "%4d: %s"),
                              ("Free variables:", co.co_freevars, "%4d: %s"),
                              ("Cell variables:", co.co_cellvars, "%4d: %s")):
        if items:
            lines.append(title)
            for i_c in enumerate(items):
                lines.append(fmt % i_c)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None])

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


class Instruction(_Instruction):
    """Details for a bytecode operation: opname, opcode, arg, argval, argrepr, offset,
    starts_line, is_jump_target, positions."""

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append("%*d" % (lineno_width, self.starts_line))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _argval(co, op, arg):
    """What `arg` stands for: a constant, a name, a jump target, or the number itself."""
    if arg is None:
        return None
    try:
        if op in hasconst:
            return co.co_consts[arg]
        if op in hasname:
            return co.co_names[arg]
        if op in haslocal:
            return co.co_varnames[arg]
        if op in hasfree:
            return (co.co_cellvars + co.co_freevars)[arg]
        if op in hascompare:
            return cmp_op[arg]
    except IndexError:
        return UNKNOWN
    return arg


def _instructions(co, line_offset=0):
    last_line = None
    for offset, name, arg, argrepr, line, is_target in _rows(co):
        starts_line = None
        if line is not None and line != last_line:
            starts_line = line + line_offset
            last_line = line
        op = opmap[name]
        yield Instruction(name, op, arg, _argval(co, op, arg), argrepr, offset, starts_line,
                          is_target, Positions(line))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    co = _get_code_object(x)
    offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _instructions(co, offset)


def findlinestarts(code):
    """Find the offsets in a code object which are starts of lines in the source:
    (offset, lineno) pairs."""
    return [(i.offset, i.starts_line) for i in _instructions(code)
            if i.starts_line is not None]


def findlabels(code):
    """The offsets of a code object that are jump targets, in order."""
    return [i.offset for i in _instructions(code) if i.is_jump_target]


def _disassemble_lines(co, lasti=-1, line_offset=0):
    instructions = list(_instructions(co, line_offset))
    starts = [i.starts_line for i in instructions if i.starts_line is not None]
    if starts:
        lineno_width = max(3, len(str(max(starts))))
    else:
        lineno_width = 0
    offset_width = max(4, len(str(len(instructions) - 1)))
    lines = []
    for instr in instructions:
        if lineno_width and instr.starts_line is not None and instr.offset > 0:
            lines.append("")
        lines.append(instr._disassemble(lineno_width, instr.offset == lasti, offset_width))
    return lines


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    for line in _disassemble_lines(co, lasti):
        print(line, file=file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if isinstance(x, types.CodeType):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


class Bytecode:
    """The bytecode operations of a piece of code; iterating yields Instructions."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = []
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _instructions(self.codeobj, self._line_offset)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        lasti = -1 if self.current_offset is None else self.current_offset
        lines = _disassemble_lines(self.codeobj, lasti, self._line_offset)
        return "".join(line + "\n" for line in lines)
