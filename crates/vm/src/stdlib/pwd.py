# gilvm's pwd: the password database (the native _getpwnam, _getpwuid and _getpwall).

_FIELDS = ("pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell")


_MISSING = object()


class struct_passwd(tuple):
    """pwd.struct_passwd: Results from getpw*() routines."""
    n_sequence_fields = 7
    n_fields = 7
    n_unnamed_fields = 0

    def __new__(cls, sequence=_MISSING):
        if sequence is _MISSING:
            raise TypeError("structseq() missing required argument 'sequence' (pos 1)")
        sequence = tuple(sequence)
        if len(sequence) != 7:
            raise TypeError("pwd.struct_passwd() takes a 7-sequence (%d-sequence given)"
                            % len(sequence))
        return tuple.__new__(cls, sequence)

    pw_name = property(lambda self: self[0])
    pw_passwd = property(lambda self: self[1])
    pw_uid = property(lambda self: self[2])
    pw_gid = property(lambda self: self[3])
    pw_gecos = property(lambda self: self[4])
    pw_dir = property(lambda self: self[5])
    pw_shell = property(lambda self: self[6])

    def __repr__(self):
        return "pwd.struct_passwd(" + ", ".join(
            "%s=%r" % (name, value) for name, value in zip(_FIELDS, self)) + ")"

    def __reduce__(self):
        return (struct_passwd, (tuple(self),))


struct_passwd.__module__ = "pwd"


def getpwnam(name, /):
    if not isinstance(name, str):
        raise TypeError("getpwnam() argument must be str, not " + type(name).__name__)
    entry = _getpwnam(name)
    if entry is None:
        raise KeyError("getpwnam(): name not found: %r" % name)
    return struct_passwd(entry)


def getpwuid(uid, /):
    if not isinstance(uid, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(uid).__name__)
    if not -2**31 <= uid < 2**32:
        raise KeyError("getpwuid(): uid not found")
    entry = _getpwuid(uid)
    if entry is None:
        raise KeyError("getpwuid(): uid not found: %d" % uid)
    return struct_passwd(entry)


def getpwall():
    return [struct_passwd(entry) for entry in _getpwall()]
