# Metaclasses: __prepare__, __new__/__init__/__call__ on the metaclass, class keywords,
# metaclass inheritance and conflicts, attributes and dunders found on the metaclass.
class Registry(type):
    classes = []

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"registered_by": mcls.__name__}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)

    def describe(cls):
        return f"{cls.__name__} via {type(cls).__name__}"

    @property
    def size(cls):
        return len(cls.__dict__)


class Base(metaclass=Registry, tag="base"):
    def __init__(self, x=0):
        self.x = x


class Child(Base, tag="child"):
    y = 2


obj = Child(5)
print(obj.x, type(Child).__name__, type(obj).__name__, Child.registered_by)
print(Registry.classes, Child.describe(), isinstance(Child, Registry), isinstance(Child, type))
print(Base.size > 0, hasattr(obj, "describe"))


class Counted(type):
    def __len__(cls):
        return 3

    def __iter__(cls):
        return iter(range(3))

    def __getitem__(cls, key):
        return key * 2

    def __contains__(cls, item):
        return item == "in"

    def __repr__(cls):
        return f"<counted {cls.__name__}>"

    def __bool__(cls):
        return False


class C(metaclass=Counted):
    pass


print(len(C), list(C), C[21], "in" in C, "out" in C, repr(C), bool(C), list(reversed([C])))


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")


print(Config() is Config())


class Meta1(type):
    pass


class Meta2(type):
    pass


class A(metaclass=Meta1):
    pass


class B(metaclass=Meta2):
    pass


try:
    class AB(A, B):
        pass
except TypeError as e:
    print(e)


class SubMeta(Meta1):
    pass


class D(A, metaclass=SubMeta):
    pass


class E(D):
    pass


print(type(E).__name__)


def function_meta(name, bases, ns):
    ns["made_by"] = "function"
    return type(name, bases, ns)


class F(metaclass=function_meta):
    pass


print(F.made_by, type(F).__name__)

Dyn = Registry("Dyn", (object,), {"z": 1})
print(Dyn.z, type(Dyn).__name__, Dyn.__qualname__)


class Guarded(type):
    def __setattr__(cls, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set {name}")
        super().__setattr__(name, value)


class G(metaclass=Guarded):
    pass


G.ok = 1
try:
    G._hidden = 2
except AttributeError as e:
    print(e)
print(G.ok)


class Outer:
    class Inner:
        pass


print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)
