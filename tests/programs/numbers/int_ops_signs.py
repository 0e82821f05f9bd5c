# Floor division, modulo, shifts and bitwise operators on small ints of every sign, at the
# edges of the machine word (where the results become big ints), and their errors.
values = [7, -7, 3, -3, 1, -1, 0, 2**62, -(2**63), 2**63 - 1]
for a in values:
    row = []
    for b in values:
        for op in (lambda: a // b, lambda: a % b):
            try:
                row.append(op())
            except ZeroDivisionError as e:
                row.append(str(e))
        row.append(a & b)
        row.append(a | b)
        row.append(a ^ b)
    print(a, row)
for a in [1, -1, 5, -5, 2**62, -(2**62), 2**63 - 1]:
    print(a, [a << n for n in (0, 1, 2, 61, 62, 63, 64, 100)], [a >> n for n in (0, 1, 62, 63, 64, 200)])
for bad in (lambda: 1 << -1, lambda: 1 >> -1):
    try:
        bad()
    except ValueError as e:
        print(e)
x = 10
x //= -3
y = -10
y %= 3
z = 6
z <<= 2
z >>= 1
z &= 13
z |= 16
z ^= 5
print(x, y, z, True + True, True & 1, 5 % True)
