# Instantiation whose __init__ the eval loop runs in a frame pushed in place: defaults,
# keywords, __init__ returning a value or raising (tracebacks), __new__, metaclass __call__,
# subclasses of built-in types, generator __init__, recursion, closures, abstract classes.
import traceback

class P:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z

print(P(1).s, P(1, 5).s, P(1, z=10).s, P(x=4, y=1).s)

class Bad:
    def __init__(self):
        return 5

try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
    traceback.print_exc()

class Raises:
    def __init__(self, v):
        if v:
            raise ValueError("nope %d" % v)
        self.v = v

try:
    Raises(3)
except ValueError:
    traceback.print_exc()
print(Raises(0).v)

try:
    P()
except TypeError as e:
    print(e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
try:
    P(1, q=2)
except TypeError as e:
    print(e)

class WithNew:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a):
        print("init", a)
WithNew(7)

class Meta(type):
    def __call__(cls, *a, **k):
        print("meta call", a, k)
        return super().__call__(*a, **k)
class M(metaclass=Meta):
    def __init__(self, a):
        print("M init", a)
M(1)

class L(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
l = L(3)
print(l, l.n, len(l))

class D(dict):
    def __init__(self, **kw):
        super().__init__(kw)
print(D(a=1))

class G:
    def __init__(self):
        yield 1
try:
    G()
except TypeError as e:
    print(e)

class Rec:
    def __init__(self, n):
        self.child = Rec(n - 1) if n else None
r = Rec(50)
print(r.child.child is not None)

def deep(n):
    return Rec2(n)
class Rec2:
    def __init__(self, n):
        self.c = deep(n - 1)
try:
    deep(10**6)
except RecursionError as e:
    print("RecursionError", e)

class Cell:
    def __init__(self, v):
        def get():
            return v
        self.get = get
print(Cell(9).get())

class Init2:
    def __init__(self, *args, **kw):
        self.args = args
        self.kw = kw
i = Init2(1, 2, a=3)
print(i.args, i.kw)
print([P(i).s for i in range(3)])

class Sub(P):
    pass
print(Sub(1).s)

class NoneRet:
    def __init__(self):
        return None
print(type(NoneRet()).__name__)

class RetSelf:
    def __init__(self):
        return self
try:
    RetSelf()
except TypeError as e:
    print(e)

import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self):
        pass
try:
    A()
except TypeError as e:
    print(e)
