# gilvm's re: the API of CPython's re module over the native `_compile` (Python's pattern
# syntax translated for fancy-regex) and `_search`.

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
    "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X",
    "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "NOFLAG", "RegexFlag",
]

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
T = TEMPLATE = 1
DEBUG = 128
NOFLAG = 0
RegexFlag = int

_MAXSIZE = 9223372036854775807


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error


def _flag_names(flags):
    names = [("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
             ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128),
             ("re.ASCII", 256)]
    out = []
    for name, value in names:
        if flags & value:
            out.append(name)
            flags &= ~value
    if flags:
        out.append(hex(flags))
    return "|".join(out)


class Pattern:
    def __init__(self, pattern, flags):
        # A bytes pattern runs as its latin-1 decoding, with ASCII classes, over the latin-1
        # decoding of the subject: one character per byte, so every index is the byte's.
        self._bytes = isinstance(pattern, (bytes, bytearray))
        if self._bytes:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            text = bytes(pattern).decode("latin-1")
            r = _compile(text, flags | ASCII)
        elif not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        else:
            text = pattern
            r = _compile(pattern, flags)
        if r[0] is None:
            raise error(r[1], pattern, r[2])
        self._handle, self.groups, self.groupindex, self.flags, self._close = r
        if self._bytes:
            self.flags &= ~(UNICODE | (0 if flags & ASCII else ASCII))
        self._empty = b"" if self._bytes else ""
        self.pattern = pattern
        self._names = {v: k for k, v in self.groupindex.items()}

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags & ~UNICODE
        if flags:
            return "re.compile(%s, %s)" % (text, _flag_names(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _text(self, string):
        # The text the native matcher runs on (see __init__ for bytes).
        if self._bytes:
            if isinstance(string, (bytes, bytearray)):
                return bytes(string).decode("latin-1")
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, str):
            return string
        elif isinstance(string, (bytes, bytearray)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        text = self._text(string)
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        spans = _search(self._handle, text, pos, endpos, mode)
        if spans is None:
            return None
        return _new_match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def _iter(self, string, pos=0, endpos=_MAXSIZE):
        # Python 3.7+'s rule: an empty match may not start where the previous match ended
        # empty; the search then resumes one character further.
        text = self._text(string)
        n = len(text)
        if endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        must_advance = False
        while pos <= endpos:
            spans = _search(self._handle, text, pos, endpos, 0)
            if spans is None:
                return
            start, end = spans[0], spans[1]
            if must_advance and start == end == pos:
                pos += 1
                must_advance = False
                continue
            yield _new_match(self, string, pos, endpos, spans)
            must_advance = start == end
            pos = end

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        groups = self.groups
        empty = self._empty
        for m in self._iter(string, pos, endpos):
            if groups == 0:
                out.append(m.group())
            elif groups == 1:
                g = m.group(1)
                out.append(empty if g is None else g)
            else:
                out.append(tuple(empty if g is None else g for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        string = self._subject(string)
        out = []
        last = 0
        count = 0
        for m in self._iter(string):
            if maxsplit > 0 and count >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            count += 1
        out.append(string[last:])
        return out

    def _subject(self, string):
        # Pieces of a bytes-like subject are bytes, as CPython's getslice makes them.
        if self._bytes and isinstance(string, bytearray):
            return bytes(string)
        return string

    def subn(self, repl, string, count=0):
        string = self._subject(string)
        kind = "a bytes-like object" if self._bytes else "str instance"
        if callable(repl):
            expand = repl
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError("decoding to str: need a bytes-like object, %s found"
                                % type(repl).__name__)
            if "\\" not in _as_text(repl):
                literal = repl
                expand = lambda m: literal
            else:
                pieces = _parse_template(_as_text(repl), self)
                expand = lambda m: _expand(pieces, m)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count > 0 and n >= count:
                break
            if m.start() > last:
                out.append(string[last:m.start()])
            piece = expand(m)
            if piece is not None:
                if not isinstance(piece, (bytes, bytearray) if self._bytes else str):
                    raise TypeError("sequence item %d: expected %s, %s found"
                                    % (len(out), kind, type(piece).__name__))
                if piece:
                    out.append(piece)
            last = m.end()
            n += 1
        out.append(string[last:])
        return self._empty.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _new_match(pattern, string, pos, endpos, spans):
    "A match object: only the matcher makes them (`re.Match()` is a TypeError, as in CPython)."
    m = object.__new__(Match)
    m._fill(pattern, string, pos, endpos, spans)
    return m


class Match:
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _fill(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, i, default=None):
        s, e = self._spans[2 * i], self._spans[2 * i + 1]
        if s < 0:
            return default
        return self.re._subject(self.string[s:e])

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(self._index(groups[0]))
        return tuple(self._group(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._group(self._index(g))

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(i, default) for name, i in self.re.groupindex.items()}

    @property
    def lastindex(self):
        best = None
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] < 0:
                continue
            if best is None:
                best = i
                continue
            be = self._spans[2 * best + 1]
            if e > be or (e == be and self.re._close[i - 1] > self.re._close[best - 1]):
                best = i
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        return self.re._names.get(i)

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(_parse_template(_as_text(template), self.re), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b",
            "\\": "\\"}


def _parse_template(template, pattern):
    # A list of str pieces and int group references, as sre_parse.parse_template.
    pieces = []
    literal = []
    i = 0
    n = len(template)
    groups = pattern.groups
    while i < n:
        c = template[i]
        i += 1
        if c != "\\":
            literal.append(c)
            continue
        if i >= n:
            raise error("bad escape (end of pattern)", template, i - 1)
        c = template[i]
        i += 1
        if c == "g":
            if i >= n or template[i] != "<":
                raise error("missing <", template, i)
            close = template.find(">", i + 1)
            if close < 0:
                if i + 1 >= n:
                    raise error("missing group name", template, i + 1)
                raise error("missing >, unterminated name", template, i + 1)
            name = template[i + 1:close]
            if not name:
                raise error("missing group name", template, i + 1)
            if name.isdigit():
                index = int(name)
                if index > groups:
                    raise error("invalid group reference %d" % index, template, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, template, i + 1)
            i = close + 1
        elif c == "0":
            value = 0
            k = 0
            while k < 2 and i < n and template[i] in "01234567":
                value = value * 8 + int(template[i])
                i += 1
                k += 1
            literal.append(chr(value))
            continue
        elif c in "123456789":
            start = i - 1
            digits = c
            if i < n and template[i].isdigit():
                digits += template[i]
                i += 1
                if (i < n and template[i] in "01234567" and digits[0] in "01234567"
                        and digits[1] in "01234567"):
                    value = int(digits + template[i], 8)
                    i += 1
                    if value > 0o377:
                        raise error("octal escape value \\%s outside of range 0-0o377"
                                    % template[start:i], template, start - 1)
                    literal.append(chr(value))
                    continue
            index = int(digits)
            if index > groups:
                raise error("invalid group reference %d" % index, template, start)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            continue
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, i - 2)
        else:
            literal.append("\\" + c)
            continue
        if literal:
            pieces.append("".join(literal))
            literal = []
        pieces.append(index)
    if literal:
        pieces.append("".join(literal))
    return pieces


def _expand(pieces, m):
    out = []
    encode = m.re._bytes
    for p in pieces:
        if isinstance(p, int):
            g = m._group(p)
            if g is not None:
                out.append(g)
        else:
            out.append(p.encode("latin-1") if encode else p)
    return m.re._empty.join(out)


def _as_text(s):
    return bytes(s).decode("latin-1") if isinstance(s, (bytes, bytearray)) else s


_cache = {}
_MAXCACHE = 512


def _get(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _get(pattern, flags)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _get(pattern, flags | T)


def match(pattern, string, flags=0):
    return _get(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _get(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _get(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _get(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _get(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _get(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _get(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _get(pattern, flags).finditer(string)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")
