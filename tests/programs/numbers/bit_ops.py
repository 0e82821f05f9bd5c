a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2, -a >> 1, -1 >> 10, 1 << 0)
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a), bin(-a))
print(0xFF & -256, -1 & 0xFF, -5 | 2, -5 ^ -3, ~0, ~-1)
print(True & False, True | False, True ^ True, ~True, True << 3)
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length())
print((37).bit_count(), (-37).bit_count(), (0).bit_count())
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, [i for i in range(8) if flags >> i & 1], flags & ~(1 << 3))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
print(5 & 3 == 1, 5 & (3 == 1), 1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4))
