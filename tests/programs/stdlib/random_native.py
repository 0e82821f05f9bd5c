# The native Mersenne Twister behind random: the same seeds give CPython's numbers, with its
# seeding rules, state format, derived methods and errors.
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import random
r = random.Random(5)
print(r.random(), r.random())
print(r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100), r.getrandbits(64))
print([r.randrange(10) for _ in range(10)], r.randrange(2**70), r.randrange(3, 100, 7))
print(r.choice("abcdef"), r.sample(range(100), 5), r.randint(1, 6))
x = list(range(20)); r.shuffle(x); print(x)
for s in [0, 1, -1, 2**32, 2**32-1, -2**64-5, 2**100+7, 3.5, -1.5, "hello", b"abc", bytearray(b"xy"), True, 12345678901234567890]:
    r.seed(s); print(s, r.random(), r.getrandbits(40))
r.seed("hello", version=1); print(r.random())
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random(), len(st[1]), st[0])
random.seed(1234); print(random.random(), random.uniform(1, 2), random.gauss(0, 1), random.choices("abc", k=5), random.choices("abc", [1, 2, 3], k=4))
print(random.normalvariate(), random.expovariate(2), random.triangular(), random.betavariate(2, 3), random.randbytes(5))
import pickle, copy
c = copy.copy(r); print(c.random() == r.random())
p = pickle.loads(pickle.dumps(r)); print(p.random() == r.random())
class R(random.Random):
    def random(self): return 0.5
print(R(3)._randbelow(10), R._randbelow is random.Random._randbelow)
class G(random.Random):
    def getrandbits(self, k): return 3
print(G(3).randrange(10))
for bad in [lambda: r.setstate((3, (1,)*3, None)), lambda: r.setstate((9, (), None)), lambda: random.Random().setstate((3, [0]*625, None)),
            lambda: r.getrandbits(-1), lambda: r.randrange(0), lambda: r.randrange(5, 2), lambda: r.randrange(1, 5, 0), lambda: r.choice([]),
            lambda: r.seed([1]), lambda: random.Random(1, 2), lambda: r.randrange(1.5), lambda: r.sample({1, 2}, 1),
            lambda: r.setstate((3, (0,)*624 + (625,), None)), lambda: r.setstate((3, (-1,)*625, None)), lambda: r.getrandbits(1.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
import _random
print(_random.Random, isinstance(r, _random.Random), _random.Random(7).random())
s = random.SystemRandom(); print(0 <= s.random() < 1, s.getrandbits(0))
r.seed(99)
print([r.randrange(2**40) for _ in range(3)], r.randrange(2**63 - 1), r.randrange(2**32), r.randrange(2**32 + 1))
print(r.choice(range(10**12)), r.sample(range(10**15), 3))
