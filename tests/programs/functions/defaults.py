def greet(name, greeting="hello", punct="!"):
    return f"{greeting} {name}{punct}"


print(greet("ann"), greet("bob", "hi"), greet("cy", punct="?"), greet(greeting="yo", name="di"))


def append_bad(item, target=[]):
    target.append(item)
    return target


print(append_bad(1), append_bad(2), append_bad(3, []), append_bad(4))


def append_good(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_good(1), append_good(2))

default_value = 10


def uses_default(x=default_value):
    return x


default_value = 20
print(uses_default(), greet.__defaults__, uses_default.__defaults__)


def count_calls(_cache={"n": 0}):
    _cache["n"] += 1
    return _cache["n"]


print(count_calls(), count_calls(), count_calls())

for call in [lambda: greet(), lambda: greet("a", "b", "c", "d"), lambda: greet("a", nme="x"), lambda: greet("a", name="b")]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
