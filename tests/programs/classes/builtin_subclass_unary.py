# Unary operators and abs() on instances of subclasses of int and float: the built-in
# operation on the wrapped value (an int/float result), unless the subclass overrides it.
import enum


class I(int):
    pass


class F(float):
    pass


class Shout(int):
    def __neg__(self):
        return "negated"


class Level(enum.IntEnum):
    LOW = 5


print(-I(3), +I(3), ~I(3), abs(I(-3)), type(-I(3)).__name__)
print(-F(1.5), +F(1.5), abs(F(-2.0)), type(abs(F(-2.0))).__name__)
print(-Shout(1), +Shout(1))
print(-Level.LOW, ~Level.LOW, abs(Level.LOW), type(-Level.LOW).__name__)
try:
    ~F(1.5)
except TypeError as e:
    print("TypeError:", e)
