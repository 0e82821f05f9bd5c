# Deviations the hostile-input issue listed, with CPython's results.

# A sort key that adds to the list: the additions are dropped and the sort fails.
items = [3, 1, 2]


def key(x):
    items.append(x)
    return x


try:
    items.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
print(items)

# Keys deleted and added back while iterating a dict (the size unchanged).
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
        d[k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError:", e)

# Rounding far beyond a double's digits: every digit kept, or none.
print(round(1e308, -400), round(-1e308, -400), round(1.5, 400), round(1e-300, 400))
print(round(123.456, -308), round(1e308, -308), round(1e308, -307))
print(round(25.0, -1), round(35.0, -1), round(-15.0, -1), round(1234.5678, -2), round(-0.0, -1))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print("OverflowError:", e)
