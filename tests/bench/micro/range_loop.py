def loop(n):
    total = 0
    for i in range(n):
        total += i * 3 - 1
    return total


print(loop(7_000_000))
