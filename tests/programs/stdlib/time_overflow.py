# time's functions that take a struct_time read each field as a C int (OverflowError past it),
# and struct_time takes the extra fields from a dict.
import time

for case in [(2147483648, 1, 1, 0, 0, 0, 0, 0, 0), (2024, 1, 1, 0, 0, -2147483649, 0, 0, 0),
             (88888888888,) * 9]:
    for f in (time.mktime, time.asctime, lambda c: time.strftime("%Y", c)):
        try:
            f(case)
        except OverflowError as e:
            print("OverflowError", e)
print(time.asctime((2147483647, 1, 1, 0, 0, 0, 0, 1, 0)))
fields = (2024, 1, 2, 3, 4, 5, 6, 7, 0)
print(time.struct_time(fields).tm_zone, time.struct_time(fields, {"tm_zone": "UTC"}).tm_zone)
print(time.struct_time(fields, {"tm_gmtoff": 60}).tm_gmtoff,
      time.struct_time(fields + ("X",), {"tm_zone": "UTC"}).tm_zone)
try:
    time.struct_time(fields, ["tm_zone", "UTC"])
except TypeError as e:
    print("TypeError", e)
