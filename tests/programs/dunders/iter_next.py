class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e))


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        return iter(self.cards)


d = Deck(["A", "K", "Q"])
print(list(d), list(d), sorted(d), "-".join(d))
it = iter(d)
print(iter(it) is it, next(it))
for x, y in zip(Countdown(3), Deck("abc")):
    print(x, y)
a, b, c = Countdown(3)
print(a, b, c)
try:
    iter(42)
except TypeError as e:
    print(type(e).__name__, e)


class BadIter:
    def __iter__(self):
        return 5


try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
