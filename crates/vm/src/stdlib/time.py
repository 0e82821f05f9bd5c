# gilvm's time: struct_time and the calendar functions over the native `gmtime`,
# `localtime`, `_mktime` and `_strftime`.

_STRUCT_TM_ITEMS = 11

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
           "tm_isdst")


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError("time.struct_time() takes a dict as second arg, if any")
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)"
                            % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)"
                            % len(seq))
        self = tuple.__new__(cls, seq[:9])
        return self

    def __init__(self, seq, dict=None):
        # The fields past the sequence come from `dict` (by name), else None.
        seq = tuple(seq)
        extra = {} if dict is None else dict
        self.tm_zone = seq[9] if len(seq) > 9 else extra.get("tm_zone")
        self.tm_gmtoff = seq[10] if len(seq) > 10 else extra.get("tm_gmtoff")

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])

    def __repr__(self):
        return "time.struct_time(" + ", ".join(
            "%s=%r" % (name, value) for name, value in zip(_FIELDS, self)) + ")"

    def __reduce__(self):
        return (struct_time, (tuple(self),))


def _tuple(t, name):
    if t is None:
        return tuple(localtime())
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError("%s(): illegal time tuple argument" % name)
    t = tuple(t[:9])
    # CPython reads each field as a C int.
    for field in t:
        if isinstance(field, int):
            if field > 2147483647:
                raise OverflowError("signed integer is greater than maximum")
            if field < -2147483648:
                raise OverflowError("signed integer is less than minimum")
    return t


def mktime(t):
    return _mktime(_tuple(t, "mktime"))


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def strftime(format, t=None):
    t = _tuple(t, "strftime")
    if not 1 <= t[1] <= 12:
        raise ValueError("month out of range")
    if not 1 <= t[2] <= 31:
        if t[2] == 0:
            t = t[:2] + (1,) + t[3:]
        else:
            raise ValueError("day of month out of range")
    if not 0 <= t[3] <= 23:
        raise ValueError("hour out of range")
    if not 0 <= t[4] <= 59:
        raise ValueError("minute out of range")
    if not 0 <= t[5] <= 61:
        raise ValueError("seconds out of range")
    if t[6] < 0:
        raise ValueError("day of week out of range")
    return _strftime(format, t)


def asctime(t=None):
    t = _tuple(t, "asctime")
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[t[6] % 7], _MONTHS[t[1] - 1], t[2], t[3],
                                            t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(string, format)


def tzset():
    # The zone names and offsets as CPython computes them: from January and July of this year.
    global timezone, altzone, daylight, tzname
    year = _localtime()[0]
    january = _localtime(_mktime((year, 1, 1, 0, 0, 0, 0, 1, -1)))
    july = _localtime(_mktime((year, 7, 1, 0, 0, 0, 0, 182, -1)))
    timezone, altzone = -january[10], -july[10]
    tzname = (january[9], july[9])
    daylight = int(timezone != altzone)
    if timezone < altzone:
        # The southern hemisphere: January is the summer.
        timezone, altzone = altzone, timezone
        tzname = (tzname[1], tzname[0])


tzset()


_CLOCKS = {
    'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False),
    'thread_time': ('clock_gettime(CLOCK_THREAD_CPUTIME_ID)', True, False),
    'time': ('clock_gettime(CLOCK_REALTIME)', False, True),
}


def get_clock_info(name):
    """The implementation, monotonicity, adjustability and resolution of a clock."""
    if name not in _CLOCKS:
        raise ValueError('unknown clock')
    import types
    implementation, monotonic, adjustable = _CLOCKS[name]
    return types.SimpleNamespace(implementation=implementation, monotonic=monotonic,
                                 adjustable=adjustable, resolution=1e-09)
