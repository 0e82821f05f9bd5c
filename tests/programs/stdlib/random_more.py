import random

random.seed(12345)
print(random.randbytes(10), random.randbytes(0), random.randbytes(3))
print([round(random.gauss(0, 1), 12) for _ in range(5)])
print([random.normalvariate(10, 2) for _ in range(3)])
print([random.triangular(0, 10) for _ in range(3)], random.triangular(1, 5, 2), random.triangular(3, 3))
print(random.lognormvariate(0, 0.5), random.expovariate(1.5), random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
print(random.gammavariate(0.5, 2.0), random.gammavariate(1.0, 2.0), random.gammavariate(3.0, 1.5))
print(random.betavariate(2, 5), random.paretovariate(3), random.weibullvariate(1, 1.5))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b, len(state), state[0], len(state[1]))
random.seed("hello world")
print(random.random(), random.randint(1, 100))
random.seed(b"bytes seed")
print(random.random())
random.seed(bytearray(b"ba"))
print(random.random())
r = random.Random("abc")
print(r.random(), r.randbytes(4), r.choices("abc", k=5), r.sample(range(100), 4))
r.seed(7)
items = list(range(10))
r.shuffle(items)
print(items, r.uniform(1, 2), r.getrandbits(70), r.choice("xyz"))
print(random.TWOPI, random.LOG4, random.SG_MAGICCONST, random.NV_MAGICCONST, random.BPF, random.RECIP_BPF)
for call in [lambda: random.gammavariate(-1, 1), lambda: random.setstate((2, (), None)), lambda: random.seed([1, 2])]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
