# A float NaN is itself (containers compare by identity first), but each float('nan') is a
# new NaN; sequences compare by their first differing items' own comparison.
import struct, array
x = float('nan')
print((x,) == (x,), [x] == [x], x in [x], (x,) <= (x,), (x, 1) < (x, 2))
print(float('nan') is float('nan'), (float('nan'),) == (float('nan'),))
y = float('nan')
print(x is y, x == x, [x] == [y], {x: 1}.get(x), len({x, y, x}))
print(not (float("nan"), float("nan")) <= (float("nan"), 1))
print(not (float("nan"), float("nan")) >= (float("nan"), float("nan")))
print(struct.pack('<d', float('nan')).hex(), struct.pack('<d', float('-nan')).hex(), struct.pack('<f', float('nan')).hex(), struct.pack('<e', float('nan')).hex())
print(array.array('d', [float('nan')]).tobytes().hex())
class Weird:
    def __lt__(self, o): return "lt!"
    def __eq__(self, o): return False
print((Weird(),) < (Weird(),), [1, Weird()] < [1, Weird()])
print([1, 2] == [1, 2, 3], (1, 2) != (1,), [] < [1], (1, 2) >= (1, 2))
import math
print(math.nan is math.nan, (math.nan,) == (math.nan,))
