a = list(range(10))
print(a[2:5], a[::3], a[::-2], a[-3:], a[5:2:-1], a[100:], a[-100:2])
b = a[:]
b[2:5] = ["x"]
print(b, len(b))
b[1:1] = ["ins1", "ins2"]
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(10))
c[::2] = ["e"] * 5
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
d = list(range(10))
del d[::3]
print(d)
del d[1:3]
print(d)
del d[-1]
print(d)
e = [1, 2, 3]
e[len(e):] = [4, 5]
e[-1:] = []
print(e)
f = [0, 1, 2, 3]
f[1:3] = "ab"
print(f)
f[3:0] = ["X"]
print(f)
try:
    f[10] = 1
except IndexError as err:
    print(type(err).__name__, err)
try:
    del f[10]
except IndexError as err:
    print(type(err).__name__, err)
g = [1, 2, 3, 4]
g[1:3] = g
print(g)
