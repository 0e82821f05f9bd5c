def run(n):
    items = []
    for i in range(n):
        items.append(i)
    total = 0
    for i in range(n):
        total += items[i]
    return total


print(run(3_000_000))
