i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("not reached")

for x in range(3):
    print("for", x)
else:
    print("for-else ran")

for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not reached")

n = 0
while n < 3:
    n += 1
else:
    print("while-else ran", n)

for i, ch in enumerate("abc"):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for k in reversed([1, 2, 3]):
    print(k, end=" ")
print()
if n > 5:
    print("big")
elif n > 2:
    print("medium")
else:
    print("small")
print("yes" if n else "no", [y for y in range(20) if y % 7 == 0])
print(sum(range(101)), any(x > 2 for x in [1, 2, 3]), all([]), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
