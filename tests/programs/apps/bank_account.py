class InsufficientFunds(Exception):
    pass


class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.number = Account.next_number
        Account.next_number += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)

    def __repr__(self):
        return f"<Account #{self.number} {self.owner}: {self.balance}>"


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest


alice = Account("alice", 100)
bob = SavingsAccount("bob", 50, rate=0.1)
alice.transfer(bob, 30)
print(alice, bob, bob.add_interest(), bob)
for action in [lambda: alice.withdraw(500), lambda: bob.deposit(-5), lambda: bob.transfer(alice, 1000)]:
    try:
        action()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(alice.history, bob.history)
print(sorted([alice, bob], key=lambda a: a.balance), sum(a.balance for a in (alice, bob)))
