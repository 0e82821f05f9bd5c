def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("  found at", i)
            break
    else:
        print("  not found")
        return -1
    return i


print(find([1, 2, 3], 2), find([1, 2, 3], 9), find([], 1))
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never printed")
print("after break, n =", n)
for _ in []:
    pass
else:
    print("else on empty loop")
for i in range(3):
    if i == 1:
        continue
else:
    print("continue does not skip else; i =", i)
primes = []
for candidate in range(2, 30):
    for divisor in range(2, candidate):
        if candidate % divisor == 0:
            break
    else:
        primes.append(candidate)
print(primes)
