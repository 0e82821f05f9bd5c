class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        print("  radd with", other)
        return self.__add__(other)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __rmul__(self, other):
        return Money(self.cents * other)


m = Money(150)
print(m + 50, 50 + m, m + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
print(1000 - m, 3 * m)
try:
    m + "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x" + m
except TypeError as e:
    print(type(e).__name__, e)
try:
    m * 3
except TypeError as e:
    print(type(e).__name__, e)


class Left:
    def __add__(self, other):
        return "Left.__add__"


class Right:
    def __radd__(self, other):
        return "Right.__radd__"


class SubLeft(Left):
    def __radd__(self, other):
        return "SubLeft.__radd__"


print(Left() + Right(), 1 + Right(), Left() + SubLeft())
