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
