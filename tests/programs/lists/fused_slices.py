# Slicing a list or tuple by ints or None (the eval loop makes no slice object for those):
# results, clamping, negative steps, assignment from itself, from tuples and shared lists,
# and the bounds that take the general path (big ints, bools, __index__, bad types).
p = [1, 2, 3, 4, 5]
print(p[1:3], p[::-1], p[:], p[-2:], p[::2], p[5:1:-2], p[None:None:None], p[10:], p[-10:-20])
print(p[3:1], p[-1:-6:-1], p[4::-2], p[:0:-1], p[2:2])
t = tuple(p)
print(t[1:3], t[::-1], t[:100], t[-100:2], t[::3], t[:])
i, j = 1, 4
print(p[i:j], t[i:j], p[j:i:-1], p[i:j:2])

q = p[:]
q[:2] = q[3::-1]
print(q)
q[:] = q
print(q)
q[1:3] = (9, 9, 9)
print(q)
q[::2] = [0] * len(q[::2])
print(q)
shared = [7, 8]
q[0:1] = shared
shared.append(99)
print(q, shared)
q[1:4] = []
print(q)
q[len(q):] = [10, 11]
print(q)
q[-1:0:-2] = ["a", "b", "c", "d"]
print(q)
q[1:2] = "xy"
print(q)
q[:1] = range(3)
print(q)

try:
    q[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    q[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    q[::0] = []
except ValueError as e:
    print("ValueError:", e)
try:
    t[1:"x"]
except TypeError as e:
    print("TypeError:", e)
try:
    q[1.0:2] = [1]
except TypeError as e:
    print("TypeError:", e)

print(p[True:3], p[: 10**30], p[-(10**30) :], t[False:], p[::-True])


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(p[Index(1) : Index(3)], t[Index(-2) :])


class L(list):
    def __getitem__(self, i):
        return ("L", i)

    def __setitem__(self, i, v):
        print("set", i, v)


l = L([1, 2])
print(l[1:2], l[::-1])
l[1:2] = [5]


class T(tuple):
    pass


print(T((1, 2, 3))[1:], type(T((1, 2, 3))[1:]).__name__)
print("abcdef"[1:4], "abcdef"[::-2], b"abcdef"[1:3], range(10)[2:8:3])
