# Assigning to a frozen dataclass's field raises FrozenInstanceError (uncaught here).
from dataclasses import dataclass, FrozenInstanceError


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"


m = Money(5)
try:
    del m.amount
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(m, hash(m) == hash(Money(5)))
m.amount = 10
