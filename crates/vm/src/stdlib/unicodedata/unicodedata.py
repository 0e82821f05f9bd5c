# gilvm's unicodedata: CPython's signatures and errors over the native lookups
# (unicodedata.rs, which says what the tables cover).

_MISSING = object()


def category(chr, /):
    return _category(chr)


def name(chr, default=_MISSING, /):
    found = _name(chr)
    if found is not None:
        return found
    if default is _MISSING:
        raise ValueError("no such name")
    return default


def lookup(name, /):
    found = _lookup(name)
    if found is None:
        raise KeyError(f"undefined character name '{name}'")
    return found


def normalize(form, unistr, /):
    return _normalize(form, unistr)


def is_normalized(form, unistr, /):
    return _is_normalized(form, unistr)


def combining(chr, /):
    return _combining(chr)


def bidirectional(chr, /):
    return _bidirectional(chr)


def decimal(chr, default=_MISSING, /):
    found = _decimal(chr)
    if found is not None:
        return found
    if default is _MISSING:
        raise ValueError("not a decimal")
    return default


def digit(chr, default=_MISSING, /):
    found = _digit(chr)
    if found is not None:
        return found
    if default is _MISSING:
        raise ValueError("not a digit")
    return default


def numeric(chr, default=_MISSING, /):
    found = _numeric(chr)
    if found is not None:
        return found
    if default is _MISSING:
        raise ValueError("not a numeric character")
    return default


def east_asian_width(chr, /):
    return _east_asian_width(chr)


def mirrored(chr, /):
    return _mirrored(chr)


def decomposition(chr, /):
    return _decomposition(chr)


class UCD:
    """A frozen version of the Unicode database: `ucd_3_2_0`, Unicode 3.2.0, which IDNA
    (the `idna` codec, `stringprep`) is defined over. Its categories, bidirectional classes,
    widths and mirroring are 3.2.0's, characters unassigned in 3.2.0 have no name or
    decomposition; the other properties and `normalize` are the current database's."""

    unidata_version = "3.2.0"

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'unicodedata.UCD' is not an acceptable base type")

    def _assigned(self, chr):
        return _old("category", chr) != "Cn"

    def category(self, chr, /):
        return _old("category", chr)

    def bidirectional(self, chr, /):
        return _old("bidirectional", chr)

    def east_asian_width(self, chr, /):
        return _old("east_asian_width", chr)

    def mirrored(self, chr, /):
        return _old("mirrored", chr)

    def decomposition(self, chr, /):
        return _decomposition(chr) if self._assigned(chr) else ""

    def name(self, chr, default=_MISSING, /):
        if self._assigned(chr):
            return name(chr, default)
        if default is _MISSING:
            raise ValueError("no such name")
        return default

    def lookup(self, name, /):
        found = lookup(name)
        if not self._assigned(found):
            raise KeyError(f"undefined character name '{name}'")
        return found

    def combining(self, chr, /):
        return combining(chr) if self._assigned(chr) else 0

    def decimal(self, chr, default=_MISSING, /):
        return decimal(chr, default)

    def digit(self, chr, default=_MISSING, /):
        return digit(chr, default)

    def numeric(self, chr, default=_MISSING, /):
        return numeric(chr, default)

    def normalize(self, form, unistr, /):
        return normalize(form, unistr)

    def is_normalized(self, form, unistr, /):
        return is_normalized(form, unistr)


UCD.__module__ = "unicodedata"
ucd_3_2_0 = UCD()


def _no_new(cls, *args, **kwargs):
    raise TypeError("cannot create 'unicodedata.UCD' instances")


UCD.__new__ = _no_new
