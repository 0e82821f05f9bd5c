# Dataclass definitions CPython rejects, with its messages.
from dataclasses import dataclass, field

cases = []


def attempt(label, make):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(f"{label}: {type(e).__name__}: {e}")


def order_of_defaults():
    @dataclass
    class A:
        a: int = 1
        b: int


def mutable_default():
    @dataclass
    class B:
        items: dict = {}


def both_defaults():
    field(default=1, default_factory=list)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        a: int


def frozen_inherits_plain():
    @dataclass
    class Base:
        a: int

    @dataclass(frozen=True)
    class D(Base):
        b: int


def missing_args():
    @dataclass
    class E:
        a: int
        b: str

    E(1)


def too_many():
    @dataclass
    class F:
        a: int

    F(1, 2)


for label, make in [("order", order_of_defaults), ("mutable", mutable_default),
                    ("both", both_defaults), ("order-eq", order_without_eq),
                    ("frozen", frozen_inherits_plain), ("missing", missing_args),
                    ("too many", too_many)]:
    attempt(label, make)
