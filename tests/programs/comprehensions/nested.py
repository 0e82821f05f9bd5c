matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print([y for x in [[1, [2]], [3]] for y in x])
print([[c for c in word] for word in "ab cd".split()])
print([i for i in range(5)][::-1], [[]for _ in range(2)])
grid = [["." for _ in range(3)] for _ in range(2)]
grid[0][1] = "#"
print(grid)
shared = [["."] * 3] * 2
shared[0][1] = "#"
print(shared)
