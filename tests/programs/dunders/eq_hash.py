class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"


k1, k2, k3 = Key(1, 2), Key(1, 2), Key(2, 1)
print(k1 == k2, k1 != k2, k1 == k3, k1 is k2, k1 == "x", k1 != 5)
d = {k1: "first"}
d[k2] = "second"
print(d, len(d))
print(len({k1, k2, k3}), k3 in {k1, k2})


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash() == 3, NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain(), hash(p) == hash(p))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
