class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def _check(self, key):
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"grid index must be a pair, not {type(key).__name__}")
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} outside {self.w}x{self.h}")

    def __getitem__(self, key):
        self._check(key)
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self._check(key)
        self.cells[key] = value

    def __delitem__(self, key):
        self._check(key)
        del self.cells[key]

    def __str__(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))


g = Grid(4, 2)
g[0, 0] = "#"
g[3, 1] = "@"
g[1, 1] = "*"
print(g)
del g[1, 1]
print(g)
for bad in [(4, 0), 5, (0, 0, 0)]:
    try:
        g[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del g[2, 0]
except KeyError as e:
    print(type(e).__name__, e)


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Seq()), 9 in Seq(), 5 in Seq())
for a, b in zip(Seq(), "xyz"):
    print(a, b)


class Slicer:
    def __getitem__(self, key):
        return key


s = Slicer()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s["k"])
