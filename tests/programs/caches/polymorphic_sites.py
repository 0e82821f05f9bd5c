# One attribute site that sees instances of many classes (more than a cache keeps at once),
# each with its own way of answering the same name: every answer must be the generic one,
# before and after the classes change.


class Base:
    def __init__(self, n):
        self.n = n
        self.tag = "base"

    def step(self):
        return "Base.step"


class Plain(Base):
    def step(self):
        return "Plain.step"


class WithProperty(Base):
    @property
    def tag(self):
        return "property tag"

    @tag.setter
    def tag(self, value):
        self.__dict__["set_tag"] = value


class WithGetattr(Base):
    def __getattr__(self, name):
        return "missing " + name


class WithGetattribute(Base):
    def __getattribute__(self, name):
        if name == "n":
            return -1
        return object.__getattribute__(self, name)


class Slotted:
    __slots__ = ("n", "tag")

    def __init__(self, n):
        self.n = n
        self.tag = "slotted"

    def step(self):
        return "Slotted.step"


class Setattr(Base):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("set", value))


class Reordered(Base):
    def __init__(self, n):
        self.tag = "reordered"
        self.n = n


def objects():
    classes = [Base, Plain, WithProperty, WithGetattr, WithGetattribute, Slotted, Setattr, Reordered]
    return [cls(i) for i, cls in enumerate(classes)]


def read(obj):
    return obj.n, obj.tag, obj.step()


def write(obj, value):
    obj.n = value
    return obj.n


def missing(obj):
    try:
        return obj.nothing
    except AttributeError as e:
        return "AttributeError: " + str(e)


def show(title, objs):
    print(title)
    for o in objs:
        print(" ", type(o).__name__, read(o), write(o, 7), missing(o))


objs = objects()
for round_ in range(3):
    show("round %d" % round_, objs)

# Changes to one class of many: the others keep their answers.
Plain.step = lambda self: "patched Plain.step"
Base.tag = "class tag"
del objs[0].tag
show("after class changes", objs)

# A method shadowed by an instance attribute on one object only.
objs[1].step = lambda: "instance step"
show("after an instance shadows step", objs)

# An instance moved to another class.
objs[2].__class__ = Plain
objs[3].__class__ = Base
show("after __class__ assignment", objs)

# A base's method changed under classes that inherit it.
Base.step = lambda self: "new Base.step"
show("after Base.step changes", objs)

# A base class swapped.
class Other:
    def step(self):
        return "Other.step"

    tag = "other tag"


class Swapped(Base):
    pass


s = Swapped(9)
for _ in range(3):
    print(read(s))
Swapped.__bases__ = (Other,)
print(read(s))


# A metaclass's attributes are read on classes, not on their instances.
class Meta(type):
    def step(cls):
        return "Meta.step"

    n = "meta n"


class WithMeta(Base, metaclass=Meta):
    pass


w = WithMeta(3)
for _ in range(2):
    print(read(w), WithMeta.step(w), WithMeta.n)
