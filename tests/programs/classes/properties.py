class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @balance.deleter
    def balance(self):
        print("closing account of", self.owner)
        self._balance = 0

    @property
    def summary(self):
        return f"{self.owner}: {self._balance}"


a = Account("ann", 10)
print(a.balance, a.summary)
a.balance = 25
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(type(e).__name__, e)
print(a.balance)
try:
    a.summary = "x"
except AttributeError as e:
    print(type(e).__name__, e)
del a.balance
print(a.summary)
print(type(Account.balance).__name__)


class Circle:
    def __init__(self, r):
        self.r = r

    def _get_area(self):
        return 3 * self.r * self.r

    area = property(_get_area, doc="rough area")


c = Circle(2)
print(c.area, Circle.area.__doc__)
c.r = 3
print(c.area)
