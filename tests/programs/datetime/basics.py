import datetime as dt
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday())
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()))
print(d + timedelta(days=1), d - timedelta(weeks=9), d - date(2023, 1, 1))
print(d.replace(year=2023, day=28), d.toordinal(), date.fromordinal(738945))
print(d.isoformat(), d.ctime(), d.timetuple()[:7], str(d), format(d, '%d/%m/%Y'))
print(f'{d:%A %B %d}', d.strftime('%a %b %j %U %W %y %%'))
print(date.fromisoformat('2021-12-31'), date(2024, 1, 1) > d, d == date(2024, 2, 29))
print(hash(d) == hash(date(2024, 2, 29)), {d: 1}[date(2024, 2, 29)])
print(date.min, date.max, date.resolution, repr(date.resolution))

t = time(13, 5, 9, 120)
print(t, repr(t), t.isoformat(), t.isoformat('milliseconds'), t.replace(hour=1), repr(time()))
print(time(23, 59).strftime('%H:%M %p %I'), time.fromisoformat('04:23:01.000384'))
print(time.min, time.max, time(1, tzinfo=timezone.utc), bool(time()))

a = datetime(2024, 3, 1, 12, 30, 15, 123)
print(a, repr(a), a.isoformat(), a.isoformat(' ', 'seconds'), a.date(), a.time())
print(a - datetime(2024, 1, 1), a + timedelta(hours=12), a.timetuple())
print(datetime.combine(d, t), datetime(2020, 1, 1) < a, max(a, datetime(2030, 1, 1)))
print(a.strftime('%Y-%m-%d %H:%M:%S.%f'), a.replace(microsecond=0), a.weekday())
print(datetime.fromisoformat('2021-07-04T10:20:30+05:30'))
print(repr(datetime.fromisoformat('2021-07-04 10:20:30.5')))
print(datetime.strptime('2021-07-04 10:20', '%Y-%m-%d %H:%M'))
print(datetime.strptime('04/Jul/2021:10:20:33 +0200', '%d/%b/%Y:%H:%M:%S %z'))
print(repr(datetime.strptime('Sunday 4 July 21, 9PM', '%A %d %B %y, %I%p')))
print(datetime.min, datetime.max, datetime.resolution)

td = timedelta(days=1, hours=25, minutes=61, seconds=3661, milliseconds=1, microseconds=1)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(repr(timedelta(days=-1, seconds=5)), timedelta(hours=-1), -timedelta(minutes=1))
print(timedelta(hours=3) / timedelta(minutes=7), timedelta(hours=3) // timedelta(minutes=7),
      timedelta(hours=3) % timedelta(minutes=7), timedelta(seconds=10) * 2.5,
      timedelta(seconds=10) / 4, abs(timedelta(-2)), timedelta(0) == timedelta())
print(repr(timedelta()), repr(timedelta(microseconds=-1)), timedelta.max, timedelta.min)
print(sorted([timedelta(1), timedelta(hours=1), timedelta(-1)]))

tz = timezone(timedelta(hours=2))
named = timezone(timedelta(hours=-5, minutes=-30), 'EST-ish')
aware = datetime(2020, 5, 17, 8, 0, tzinfo=tz)
print(aware, repr(aware), repr(tz), tz, named, repr(named), repr(timezone.utc), timezone.utc)
print(aware.astimezone(timezone.utc), aware.utcoffset(), aware.tzname(), aware.dst())
print(aware.astimezone(named), aware == aware.astimezone(timezone.utc), aware.timestamp())
print(aware.strftime('%z %Z'), aware.isoformat(), datetime(2020, 1, 1).utcoffset())
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400.5))
print(datetime.fromtimestamp(1e9, tz=timezone(timedelta(hours=9))))
print(aware.utctimetuple()[:6], aware.replace(tzinfo=None))


class Fixed(dt.tzinfo):
    def utcoffset(self, when):
        return timedelta(hours=1)

    def dst(self, when):
        return timedelta(0)

    def tzname(self, when):
        return 'FIX'


f = datetime(2001, 2, 3, 4, 5, tzinfo=Fixed())
print(f, f.tzname(), f.strftime('%Z %z'), f.astimezone(timezone.utc))

now = datetime.now()
print(type(now).__name__, now.year >= 2024, isinstance(date.today(), date))
print(datetime.now(timezone.utc).tzinfo is timezone.utc, dt.MINYEAR, dt.MAXYEAR, dt.UTC)

for bad in (lambda: date(2024, 13, 1), lambda: date(2023, 2, 29), lambda: date(0, 1, 1),
            lambda: time(24), lambda: time(1, 60), lambda: time(1, 1, 60),
            lambda: time(microsecond=10**6), lambda: datetime(2020, 1, 1, fold=2),
            lambda: date.fromisoformat('2020-1-1'), lambda: datetime.fromisoformat('nope'),
            lambda: datetime.strptime('2020-13-01', '%Y-%m-%d'),
            lambda: datetime.strptime('2020-01-01 extra', '%Y-%m-%d'),
            lambda: datetime.strptime('1', '%Q'),
            lambda: timezone(timedelta(hours=25)), lambda: date.max + timedelta(1),
            lambda: date.fromordinal(0), lambda: timedelta(days=10**9),
            lambda: datetime(2020, 1, 1) - aware, lambda: datetime(2020, 1, 1) < aware,
            lambda: date('x', 1, 1)):
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
