"""A user module imported by use_module.py (files starting with '_' are not run as programs)."""

SIDES = {"triangle": 3, "square": 4}


def describe(name):
    return f"a {name} has {SIDES[name]} sides"


print("importing", __name__)
