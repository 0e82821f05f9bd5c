x = 1
y = x + 2
x, y = y, x
print(x, y)
a = b = c = 7
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
m, *mid, n = range(5)
print(m, mid, n)
z = 10
z += 5
z -= 3
z *= 2
z //= 5
z **= 3
z %= 7
z <<= 2
z |= 1
z ^= 8
z &= 13
z >>= 1
print(z)
del z
try:
    print(z)
except NameError as e:
    print("NameError:", e)
