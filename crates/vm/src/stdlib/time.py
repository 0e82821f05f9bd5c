# gilvm's time: struct_time and the calendar functions over the native `_gmtime`,
# `_localtime`, `_mktime` and `_strftime`.

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
           "tm_isdst")


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, _extra=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)"
                            % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)"
                            % len(seq))
        self = tuple.__new__(cls, seq[:9])
        return self

    def __init__(self, seq, _extra=None):
        seq = tuple(seq)
        self.tm_zone = seq[9] if len(seq) > 9 else None
        self.tm_gmtoff = seq[10] if len(seq) > 10 else None

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
    return tuple(t[:9])


def gmtime(secs=None):
    return struct_time(_gmtime(secs))


def localtime(secs=None):
    return struct_time(_localtime(secs))


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


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    # The basic directives, as CPython's _strptime (C locale).
    if not isinstance(string, str):
        raise TypeError("strptime() argument 0 must be str, not %s" % type(string))
    if not isinstance(format, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(format))
    year, month, day, hour, minute, second = 1900, 1, 1, 0, 0, 0
    wday = yday = None
    pm = None
    i = 0
    k = 0
    n = len(string)

    def fail():
        raise ValueError("time data %r does not match format %r" % (string, format))

    def number(width, lo, hi):
        nonlocal i
        j = i
        while j < n and j - i < width and string[j].isdigit():
            j += 1
        if j == i:
            fail()
        v = int(string[i:j])
        if not lo <= v <= hi:
            fail()
        i = j
        return v

    def word(names):
        nonlocal i
        low = string[i:].lower()
        best = None
        for idx, name in enumerate(names):
            if low.startswith(name.lower()) and (best is None or len(name) > len(names[best])):
                best = idx
        if best is None:
            fail()
        i += len(names[best])
        return best

    while k < len(format):
        c = format[k]
        k += 1
        if c == "%" and k < len(format):
            d = format[k]
            k += 1
            if d == "Y":
                year = number(4, 0, 9999)
            elif d == "y":
                y = number(2, 0, 99)
                year = y + (2000 if y < 69 else 1900)
            elif d == "m":
                month = number(2, 1, 12)
            elif d == "d":
                day = number(2, 1, 31)
            elif d == "H":
                hour = number(2, 0, 23)
            elif d == "I":
                hour = number(2, 1, 12)
            elif d == "M":
                minute = number(2, 0, 59)
            elif d == "S":
                second = number(2, 0, 61)
            elif d == "j":
                yday = number(3, 1, 366)
            elif d == "f":
                number(6, 0, 999999)
            elif d == "p":
                pm = word(("AM", "PM")) == 1
            elif d == "b" or d == "h":
                month = word(_MONTHS) + 1
            elif d == "B":
                month = word(_FULL_MONTHS) + 1
            elif d == "a":
                wday = word(_DAYS)
            elif d == "A":
                wday = word(_FULL_DAYS)
            elif d == "%":
                if i < n and string[i] == "%":
                    i += 1
                else:
                    fail()
            else:
                raise ValueError("'%s' is a bad directive in format '%%%s'" % (d, d)
                                 if d != "" else "stray % in format '%s'" % format)
        elif c.isspace():
            while i < n and string[i].isspace():
                i += 1
        else:
            if i < n and string[i] == c:
                i += 1
            else:
                fail()
    if i != n:
        raise ValueError("unconverted data remains: %s" % string[i:])
    if pm is not None:
        if pm and hour != 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    if day > (29 if month == 2 and _is_leap(year) else
              (28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31))):
        raise ValueError("day is out of range for month")
    if yday is None:
        yday = _DAYS_BEFORE_MONTH[month - 1] + day + (1 if month > 2 and _is_leap(year) else 0)
    if wday is None:
        wday = (_days_before_year(year) + yday - 1) % 7
    return struct_time((year, month, day, hour, minute, second, wday, yday, -1))
