class Matrix:
    def __init__(self, rows):
        if len({len(r) for r in rows}) > 1:
            raise ValueError("ragged rows")
        self.rows = [list(r) for r in rows]

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"cannot multiply {n}x{m} by {m2}x{p}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def __eq__(self, other):
        return self.rows == other.rows

    def __str__(self):
        width = max(len(str(v)) for row in self.rows for v in row)
        return "\n".join(" ".join(str(v).rjust(width) for v in row) for row in self.rows)


a = Matrix([[1, 2, 3], [4, 5, 6]])
b = Matrix([[7, 8], [9, 10], [11, 12]])
print(a @ b)
print(b @ a)
print(a.transpose(), a.shape, a.transpose().shape, sep="\n")
print(a @ Matrix.identity(3) == a, (a + a).rows)
fib = Matrix([[1, 1], [1, 0]])
result = Matrix.identity(2)
for _ in range(30):
    result = result @ fib
print(result.rows[0][1])
for bad in [lambda: a @ a, lambda: Matrix([[1], [2, 3]])]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
