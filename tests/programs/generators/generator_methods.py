class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()

    def depth_first(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.depth_first(depth + 1)


t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t), list(t.leaves()), sum(t), max(t))
for depth, value in t.depth_first():
    print("  " * depth + str(value))
it = iter(t)
print(next(it), next(it), 4 in t, 9 in t)


def countdown(n):
    while n > 0:
        yield n
        n -= 1


print(list(countdown(5)), sorted(countdown(3)), list(reversed(list(countdown(3)))))
gen = countdown(2)
print(iter(gen) is gen, list(gen), list(gen))
