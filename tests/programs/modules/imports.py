import math
import sys
import time
from math import sqrt, floor as fl

print(math.pi, sqrt(16), fl(2.7), math.ceil(2.1), math.gcd(12, 18))
print(type(sys.argv).__name__, len(sys.argv))
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.009, time.time() > 1e9)
print(__name__)
