# gilvm's string module: the constants, capwords, Template and Formatter.

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}
_ID_START = ascii_letters + '_'
_ID_REST = _ID_START + digits


class Template:
    delimiter = '$'
    braceidpattern = None

    def __init_subclass__(cls):
        pass

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, convert, safe):
        # Yields the text with each placeholder replaced by convert(name) (None: keep it).
        template = self.template
        delim = self.delimiter
        dlen = len(delim)
        out = []
        i = 0
        n = len(template)
        while True:
            j = template.find(delim, i)
            if j < 0:
                out.append(template[i:])
                break
            out.append(template[i:j])
            k = j + dlen
            if template.startswith(delim, k):
                out.append(delim)
                i = k + dlen
                continue
            name = None
            end = k
            if k < n and template[k] == '{':
                e = k + 1
                if e < n and template[e] in _ID_START:
                    e += 1
                    while e < n and template[e] in _ID_REST:
                        e += 1
                    if e < n and template[e] == '}':
                        name = template[k + 1:e]
                        end = e + 1
            elif k < n and template[k] in _ID_START:
                e = k + 1
                while e < n and template[e] in _ID_REST:
                    e += 1
                name = template[k:e]
                end = e
            if name is None:
                if safe:
                    out.append(delim)
                    i = k
                    continue
                self._invalid(k)
            value = convert(name)
            if value is None:
                out.append(template[j:end])
            else:
                out.append(value)
            i = end
        return ''.join(out)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = _merged(mapping, kws)

        def convert(name):
            return str(mapping[name])
        return self._scan(mapping, convert, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = _merged(mapping, kws)

        def convert(name):
            try:
                return str(mapping[name])
            except KeyError:
                return None
        return self._scan(mapping, convert, True)

    def is_valid(self):
        try:
            self._scan({}, lambda name: '', False)
        except ValueError:
            return False
        return True

    def get_identifiers(self):
        ids = []

        def convert(name):
            if name not in ids:
                ids.append(name)
            return ''
        self._scan({}, convert, True)
        return ids


def _merged(mapping, kws):
    if mapping is _sentinel_dict:
        return kws
    if kws:
        return _ChainMap(kws, mapping)
    return mapping


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


def _parse_format(format_string):
    # (literal_text, field_name, format_spec, conversion) tuples, as str.format parses them.
    result = []
    literal = []
    i = 0
    n = len(format_string)
    while i < n:
        c = format_string[i]
        if c == '{':
            if i + 1 < n and format_string[i + 1] == '{':
                literal.append('{')
                result.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            depth = 1
            j = i + 1
            while j < n:
                if format_string[j] == '{':
                    depth += 1
                elif format_string[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = format_string[i + 1:j]
            k = 0
            while k < len(field) and field[k] not in '!:':
                if field[k] == '[':
                    close = field.find(']', k)
                    if close < 0:
                        raise ValueError("Missing ']' in format string")
                    k = close
                k += 1
            name = field[:k]
            conversion = None
            spec = ''
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            result.append((''.join(literal), name, spec, conversion))
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and format_string[i + 1] == '}':
                literal.append('}')
                result.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        result.append((''.join(literal), None, None, None))
    return result


def _split_field_name(name):
    # first, [(is_attr, key), ...]
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[i + 1:j]))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key == '':
                raise ValueError("Empty attribute in format string")
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
