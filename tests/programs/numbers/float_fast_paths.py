# Float arithmetic and comparisons the eval loop does inline: every mix of float and int,
# signed zeros, infinities, NaN, division by zero, and ints too big for a float's mantissa.
nan = float("nan")
inf = float("inf")
values = [0.0, -0.0, 1.5, -2.25, 3, -4, 2**53 + 1, inf, -inf, nan, 1e308]


def show(x):
    return repr(x)


for a in values:
    row = []
    for b in values:
        row.append(show(a + b))
        row.append(show(a - b))
        row.append(show(a * b))
        try:
            row.append(show(a / b))
        except ZeroDivisionError as e:
            row.append("ZeroDivisionError(%s)" % e)
        row.append("".join("1" if t else "0" for t in (a < b, a <= b, a == b, a != b, a > b, a >= b)))
    print(show(a), " ".join(row))

# In place, in a loop, and fused with a jump.
total = 0.0
for i in range(10):
    total += i * 0.5
    total -= 0.25
    if total > 3.0:
        total /= 2
print(total)
x = 1e308
x *= 10
print(x, x - x, x > 1e308)
print(2**63 * 1.0, 1.0 * -(2**63), (2**64) + 0.5)
print(True + 0.5, 1.5 * False)
