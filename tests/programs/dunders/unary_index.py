class Bits:
    def __init__(self, v):
        self.v = v

    def __invert__(self):
        return Bits(~self.v & 0xF)

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return self.v + 0.5

    def __repr__(self):
        return f"Bits({self.v:04b})"


b = Bits(5)
print(~b, int(b), float(b), bin(b), hex(b), oct(b))
print([10, 20, 30, 40, 50, 60][b], "abcdefg"[Bits(2):b])
print(range(10)[b], list(range(b)))
print(operator_like := [0] * Bits(3))


class Sized:
    def __len__(self):
        return 3

    def __round__(self, n=None):
        return f"rounded {n}"

    def __neg__(self):
        return "negated"


print(round(Sized()), round(Sized(), 2), -Sized())
try:
    [1, 2][Sized()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(Sized())
except TypeError as e:
    print(type(e).__name__, e)
