import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(-10, -1))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.choice([10, 20, 30]))
print(round(random.uniform(1.5, 2.5), 12), random.getrandbits(70))
print(random.sample(range(100), 5))
random.seed(12345678901234567890)
print(random.random())
random.seed(0)
print(random.random(), random.randint(0, 10**20))
rng = random.Random(7)
other = random.Random(7)
print(rng.random() == other.random(), rng.randint(1, 100), other.randint(1, 100))
random.seed(-5)
a = random.random()
random.seed(5)
print(a == random.random())
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    random.randrange(0)
except ValueError as e:
    print(type(e).__name__, e)
