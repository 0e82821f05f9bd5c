import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], t[-1], len(t))
print(tuple(t), t.tm_zone, t.tm_gmtoff, isinstance(t, tuple))
print(time.gmtime(0), time.gmtime(86400 * 365.5))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%", t))
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 0, 0, 0, 3, 60, 0)), time.strftime("", t))
print(time.asctime(t), time.asctime((2024, 1, 5, 9, 3, 7, 4, 5, 0)))
p = time.strptime("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S")
print(p, time.strptime("Mar 5 2021", "%b %d %Y")[:3], time.strptime("5 PM", "%I %p").tm_hour)
print(time.strptime("Tue Nov 14 22:13:20 2023"))
for args in [("2023-13-01", "%Y-%m-%d"), ("2023-02-30", "%Y-%m-%d"), ("2023-01-01x", "%Y-%m-%d"), ("abc", "%Y")]:
    try:
        time.strptime(*args)
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.gmtime("x"),
            lambda: time.mktime((1, 2)), lambda: time.asctime(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
local = time.localtime(1700000000)
print(time.mktime(local) == 1700000000.0, type(time.mktime(local)).__name__)
print(time.localtime()[0] >= 2024, time.ctime(0) == time.asctime(time.localtime(0)))
a, b = time.monotonic(), time.monotonic()
print(b >= a, time.perf_counter_ns() > 0, time.monotonic_ns() >= 0, time.time_ns() > 1700000000 * 10**9)
c = time.process_time()
sum(range(100000))
print(time.process_time() >= c, type(time.process_time_ns()).__name__, abs(time.time() - time.time_ns() / 1e9) < 1)
