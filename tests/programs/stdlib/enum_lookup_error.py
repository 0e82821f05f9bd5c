# Enum lookups that fail: by value (ValueError) and by name (KeyError).
from enum import Enum, IntEnum


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Shade(Enum):
    LIGHT = "l"
    DARK = "d"


for bad in (3, "x", None):
    try:
        Level(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Shade("z")
except ValueError as e:
    print("ValueError:", e)
for name in ("MEDIUM", "low"):
    try:
        Level[name]
    except KeyError as e:
        print("KeyError:", e)
print(Level["HIGH"], Level(2), Shade("d"))
