# An iterator over a __getitem__ sequence is spent once it stops, even if the sequence grows.
class Growing:
    def __init__(self):
        self.items = [1, 2]

    def __getitem__(self, i):
        return self.items[i]


g = Growing()
it = iter(g)
print(list(it))
g.items.append(3)
print(list(it), next(it, "done"))
print(it.__length_hint__() if hasattr(it, "__length_hint__") else "no hint")
