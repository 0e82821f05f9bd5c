found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found, i, j)
results = []
for row in range(4):
    if row == 2:
        continue
    for col in range(4):
        if col > row:
            break
        if (row + col) % 2:
            continue
        results.append((row, col))
print(results)
count = 0
outer = 0
while outer < 5:
    outer += 1
    inner = 0
    while True:
        inner += 1
        if inner > outer:
            break
        if inner % 2 == 0:
            continue
        count += 1
print(count, outer, inner)


def search(grid, target):
    for r, line in enumerate(grid):
        for c, value in enumerate(line):
            if value == target:
                return r, c
    return None


print(search([[1, 2], [3, 4]], 4), search([[1]], 9))
