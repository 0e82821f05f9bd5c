# List slices read and assigned as blocks: forwards, backwards, with steps, from temporaries,
# from the list itself, and with as many or fewer/more items than they replace.
p = list(range(10))
print(p[:], p[2:7], p[7:2], p[::-1], p[5::-1], p[:3:-1], p[-3::-1], p[8:2:-2], p[::3])
print(p[0::-1], p[-100::-1], p[100::-1], [][::-1], p[3:3:-1], p[4:3:-1])
t = tuple(p)
print(t[::-1], t[1:4], t[6:1:-1], t[::-4])

q = p[:]
q[:4] = q[3::-1]
print(q)
q[:0] = q[9::-1]
print(q)
r = list(range(8))
r[: r[0] + 5] = r[4::-1]
print(r)
s = list(range(6))
s[1:5] = s
print(s)
s = list(range(6))
s[:] = s[::-1]
print(s)
s[2:4] = (7, 8, 9)
print(s)
s[1:5] = []
print(s)
s[1:1] = "ab"
print(s)
keep = [1, 2, 3]
s[:2] = keep
print(s, keep)
keep.append(4)
print(s, keep)
s[::2] = s[1::2][: len(s[::2])] + [0] * (len(s[::2]) - len(s[1::2]))
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print("ValueError:", e)

# fannkuch's flips and rotations
perm = [3, 1, 4, 0, 2]
first, flips = perm[0], 0
while first:
    perm[: first + 1] = perm[first::-1]
    flips += 1
    first = perm[0]
print(perm, flips)
head = perm[0]
perm[:3] = perm[1:4]
perm[3] = head
print(perm)


class Dying:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("freed", self.n)


d = [Dying(0), Dying(1), Dying(2)]
d[:2] = [5, 6]
print("after")
