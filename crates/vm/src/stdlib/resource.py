# gilvm's resource: resource limits and usage over the native _getrlimit, _setrlimit and
# _getrusage, with CPython's checks and messages.

error = OSError

_FIELDS = ("ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
           "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
           "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")
_MISSING = object()
_LLONG_MAX = 2**63 - 1


class struct_rusage(tuple):
    """struct_rusage: Result from getrusage."""
    n_sequence_fields = 16
    n_fields = 16
    n_unnamed_fields = 0

    def __new__(cls, sequence=_MISSING):
        if sequence is _MISSING:
            raise TypeError("structseq() missing required argument 'sequence' (pos 1)")
        sequence = tuple(sequence)
        if len(sequence) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence (%d-sequence given)"
                            % len(sequence))
        return tuple.__new__(cls, sequence)

    def __repr__(self):
        return "resource.struct_rusage(" + ", ".join(
            "%s=%r" % (name, value) for name, value in zip(_FIELDS, self)) + ")"

    def __reduce__(self):
        return (struct_rusage, (tuple(self),))


for _i, _name in enumerate(_FIELDS):
    setattr(struct_rusage, _name, property(lambda self, _i=_i: self[_i]))
del _i, _name
struct_rusage.__module__ = "resource"


def _resource(resource):
    if not isinstance(resource, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(resource).__name__)
    if not 0 <= resource < _RLIM_NLIMITS:
        raise ValueError("invalid resource specified")
    return resource


def _limit(value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    if not -_LLONG_MAX - 1 <= value <= _LLONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return value


def getrlimit(resource, /):
    return _getrlimit(_resource(resource))


def setrlimit(resource, limits, /):
    resource = _resource(resource)
    limits = tuple(limits)
    if len(limits) != 2:
        raise ValueError("expected a tuple of 2 integers")
    errno = _setrlimit(resource, _limit(limits[0]), _limit(limits[1]))
    if errno == 22:
        raise ValueError("current limit exceeds maximum limit")
    if errno == 1:
        raise ValueError("not allowed to raise maximum limit")


def getrusage(who, /):
    if not isinstance(who, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(who).__name__)
    fields = _getrusage(who)
    if fields is None:
        raise ValueError("invalid who parameter")
    return struct_rusage(fields)

