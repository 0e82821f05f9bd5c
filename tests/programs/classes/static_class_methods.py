class Temperature:
    scale = "C"
    count = 0

    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.count += 1

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"

    def as_f(self):
        return self.c_to_f(self.degrees)


class Kelvin(Temperature):
    scale = "K"


print(Temperature.c_to_f(100), Temperature(0).as_f())
t = Temperature.from_f(212)
print(type(t).__name__, t.degrees)
k = Kelvin.from_f(32)
print(type(k).__name__, k.degrees, k.describe(), Kelvin.describe())
print(Temperature.describe(), t.describe())
print(Temperature.count)
sm = Temperature.__dict__["c_to_f"]
cm = Temperature.__dict__["from_f"]
print(type(sm).__name__, type(cm).__name__)
print(callable(Temperature.c_to_f), Temperature.c_to_f is t.c_to_f)
