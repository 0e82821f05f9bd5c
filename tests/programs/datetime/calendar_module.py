import calendar
import time

print(calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.weekday(2024, 7, 4))
print(list(calendar.month_name), list(calendar.month_abbr))
print(list(calendar.day_name), list(calendar.day_abbr))
print(calendar.monthcalendar(2024, 2))
print(calendar.month(2024, 2))
calendar.prmonth(2023, 12)
print(calendar.month(2024, 7, w=3, l=2))
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm(time.gmtime(1234567890)))
c = calendar.TextCalendar(calendar.SUNDAY)
print(c.formatmonth(2025, 3))
print(list(c.iterweekdays()), calendar.firstweekday())
print(calendar.weekheader(2), calendar.MONDAY, calendar.SUNDAY)
print(list(calendar.Calendar().itermonthdates(2024, 3))[:3])
print(calendar.calendar(2024)[:200])
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e)
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(0)))
print(time.strptime('2024-02-29 13:14:15', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Thu Feb 29 13:14:15 2024'))
print(time.strptime('12 AM', '%I %p').tm_hour, time.strptime('366', '%j')[:3])
for bad in (('2023-02-29', '%Y-%m-%d'), ('10:61', '%H:%M'), ('x', '%d'), ('1', '%')):
    try:
        time.strptime(*bad)
    except ValueError as e:
        print('ValueError', e)
