# obj.__class__ = C: the instance keeps its attributes and answers with the new class's
# methods (also at attribute sites that had specialised on the old class), where the two
# classes lay their instances out alike; CPython's TypeErrors otherwise.


class Cat:
    sound = "meow"

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog:
    sound = "woof"

    def speak(self):
        return f"{self.name} barks {self.sound}"

    def fetch(self):
        return self.name + " fetches"


pet = Cat()
pet.name = "Rex"
pet.age = 3


def talk(p):
    for _ in range(3):
        said = p.speak()
    return said, p.sound


print(talk(pet))
pet.__class__ = Dog
print(type(pet).__name__, isinstance(pet, Dog), isinstance(pet, Cat))
print(talk(pet), pet.fetch(), pet.name, pet.age, vars(pet))
pet.__class__ = Cat
print(talk(pet), hasattr(pet, "fetch"))


# A state machine that swaps classes many times.
class Idle:
    def step(self):
        self.__class__ = Busy
        return "idle -> busy"


class Busy:
    def step(self):
        self.__class__ = Idle
        return "busy -> idle"


machine = Idle()
print([machine.step() for _ in range(4)])


# Subclasses of the same built-in type, and classes with the same __slots__.
class D1(dict):
    pass


class D2(dict):
    def total(self):
        return sum(self.values())


m = D1(a=1, b=2)
m.__class__ = D2
print(type(m).__name__, m.total(), m)


class SlotA:
    __slots__ = ("a", "b")


class SlotB:
    __slots__ = ("b", "a")


s = SlotA()
s.a = 1
s.__class__ = SlotB
print(type(s).__name__, s.a)


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)


class Plain:
    pass


class OtherSlots:
    __slots__ = ("z",)


class EmptySlots:
    __slots__ = ()


class I1(int):
    pass


class I2(int):
    pass


class E1(Exception):
    pass


class E2(Exception):
    pass


class E3(ValueError):
    pass


def assign(obj, cls):
    def run():
        obj.__class__ = cls

    return run


attempt("slots differ", assign(SlotA(), OtherSlots))
attempt("no slots to slots", assign(Plain(), OtherSlots))
attempt("empty slots", assign(Plain(), EmptySlots))
attempt("int subclasses", assign(I1(1), I2))
attempt("int to plain", assign(I1(1), Plain))
attempt("exceptions", assign(E1(), E2))
attempt("exception bases differ", assign(E1(), E3))
attempt("to a builtin type", assign(Plain(), int))
attempt("of a builtin value", assign(1, Plain))
attempt("not a class", assign(Plain(), 1))


def delete():
    del Plain().__class__


attempt("delete", delete)
