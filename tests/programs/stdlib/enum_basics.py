from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"
    @classmethod
    def favourite(cls):
        return cls.GREEN
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color), len(Color), list(Color.__members__), Color.RED.describe(), Color.favourite())
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash(Color.RED))
print({Color.RED: 'r'}[Color.CRIMSON], sorted(Color, key=lambda c: c.value, reverse=True), list(reversed(Color)))
print(type(Color.RED), isinstance(Color.RED, Color), Color.RED.name, Color.RED.value, Color.__name__)
try: Color(7)
except ValueError as e: print("ValueError:", e)
try: Color['PURPLE']
except KeyError as e: print("KeyError:", e)
try: raise TypeError("x")
except TypeError as e: print("TypeError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print(e)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + Num.TWO, Num.TWO * 3, Num.ONE < Num.TWO, Num(2), str(Num.TWO), f"{Num.TWO:03d}", Num.ONE == 1, [1, 2][Num.ONE], isinstance(Num.ONE, int), sorted([Num.TWO, Num.ONE]))
class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'
print(Mode.READ, repr(Mode.READ), Mode.WRITE.upper(), Mode('w'), Mode.READ == 'read', '-'.join(Mode))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.RW, rw is Perm.RW, Perm.R in rw, Perm.X in rw, list(Perm), bool(Perm(0)), repr(Perm.R & Perm.W), repr(rw ^ Perm.R), repr(~Perm.R), list(rw), len(rw))
class Opt(IntFlag):
    A = 1
    B = 2
    C = 4
print(Opt.A | Opt.C, repr(Opt.A | Opt.C), Opt.A | 8, repr(Opt.A | 8), Opt.B + 1, repr(Opt(0)), Opt.C & 4, isinstance(Opt.A | Opt.B, Opt))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), repr(Planet.MERCURY))
class Coord(bytes, Enum):
    X = b'x'
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
Sh = Enum('Sh', [('SQ', 4), ('TRI', 3)])
print(list(Sh), Sh(3))
class Base(Enum):
    def hello(self): return "hi " + self.name
class Derived(Base):
    X = 1
print(Derived.X.hello(), Color.__members__['CRIMSON'])
class Shape(Enum):
    _ignore_ = ['tmp']
    SQUARE = 2
    tmp = 5
    @staticmethod
    def make(): return Shape.SQUARE
print(list(Shape), Shape.make(), Shape.SQUARE.value)
try: Color.RED = 5
except AttributeError as e: print(e)
try: Color.RED.value = 5
except AttributeError as e: print(e)
class WithMissing(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(WithMissing('zzz'))
print(Color.RED.__class__.__name__, dir(Color.RED)[:3])
