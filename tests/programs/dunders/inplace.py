class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __add__(self, other):
        new = Acc()
        new.items = self.items + [other, "copy"]
        return new

    def __repr__(self):
        return f"Acc{self.items}"


a = Acc()
alias = a
a += 1
a += 2
print(a, alias, a is alias)
b = a + 3
print(b, a)


class NoInplace:
    def __init__(self, v):
        self.v = v

    def __sub__(self, o):
        return NoInplace(self.v - o)

    def __repr__(self):
        return f"N({self.v})"


n = NoInplace(10)
keep = n
n -= 4
print(n, keep, n is keep)

lst = [1]
same = lst
lst += [2]
lst *= 2
print(lst, same is lst)
t = (1,)
tsame = t
t += (2,)
print(t, tsame, t is tsame)
s = "ab"
s *= 3
print(s)
x = 7
x //= 2
x **= 3
x %= 10
x <<= 2
x |= 1
x ^= 3
x &= 14
x >>= 1
print(x)
