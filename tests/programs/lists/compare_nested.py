print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print([1, [2, 3]] == [1, [2, 3]], [[1], [2]] < [[1], [3]], [1, 2] != (1, 2), [1.0] == [1])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] == [1, 2], max([[1, 2], [1, 3], [0, 9]]), min([[3], [1, 5], [1]]))
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
    matrix[i][2 - i] += 2
print(matrix)
deep = [1, [2, [3, [4]]]]
print(deep[1][1][1][0], len(deep), deep[1][1])
deep[1][1].append(5)
print(deep)
alias = deep[1]
alias[0] = "changed"
print(deep)
cyc = [1, 2]
cyc.append(cyc)
print(cyc, cyc[2][2][0])
print([[]] == [[]], [[]] is [[]], [None] * 2, [x[:] for x in [[1], [2]]])
