print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(3, 200, 13), pow(-3, 3, 7), pow(3, -1, 7), pow(38, -1, 97))
print(2**-2, (-2) ** 2, -(2**2), 2**3**2, (2**3) ** 2, -(2**-1))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (0, -1)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-0.5, 1))
q, r = divmod(123456789, 1000)
print(q, r, q * 1000 + r)
print(10**-1, type(10**-1).__name__, type(10**2).__name__, type(2.0**2).__name__)
print(0.0**0, 1**1000000, (-1) ** 1001, 1.5**2)
try:
    0**-1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0**-1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
