from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class IP(IntFlag):
    A = 1
    B = 2
class N(IntEnum):
    ONE = 1
class S(StrEnum):
    A = auto()
print(repr(Perm.R|Perm.W), str(Perm.R|Perm.W), repr(Perm(0)), str(Perm(0)), format(Perm.R), f"{Color.RED}", format(Color.RED, ''), f"{N.ONE}", str(N.ONE), repr(N.ONE))
print(repr(IP.A|IP.B), str(IP.A|IP.B), IP.A|4, repr(IP.A|4), repr(IP(8)), list(Perm.R|Perm.X), len(Perm.R|Perm.W), (Perm.R|Perm.W).name, repr(~Perm.R))
print(repr(S.A), str(S.A), f"{S.A}", S.A == 'a', repr(Color), repr(Perm), Color.__members__)
try:
    class C2(Color): X = 3
except TypeError as e: print(e)
try: Color.RED = 3
except AttributeError as e: print(e)
try: Color.RED.name = 3
except AttributeError as e: print(e)
try: Perm(9)
except ValueError as e: print(e)
print(repr(Perm(7)), repr(N(1)), N.ONE + 1, Color.RED.__class__, type(Color.RED).__mro__)
