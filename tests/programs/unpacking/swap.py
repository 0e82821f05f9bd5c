a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "x", "y", "z"
a, b, c = c, a, b
print(a, b, c)
lst = [5, 1, 4]
lst[0], lst[2] = lst[2], lst[0]
print(lst)


def fib_pairs(n):
    x, y = 0, 1
    out = []
    for _ in range(n):
        out.append(x)
        x, y = y, x + y
    return out


print(fib_pairs(10))
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
m = n = [1]
m += [2]
print(m, n, m is n)
x = y = z = 0
x += 1
print(x, y, z)
t = 1, 2
u = (t,)
v = 3,
print(t, u, v, ())
