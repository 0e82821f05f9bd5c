from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import collections.abc as cabc
from collections.abc import Iterable, Mapping, Sequence, MutableMapping, Hashable, Sized, Callable, Iterator, Set
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e: print(e)
try:
    Sq(2)
except TypeError as e: print(e)
class Sq2(Sq):
    def name(self): return "sq"
print(Sq2(3).area(), Sq2.__abstractmethods__, Shape.__abstractmethods__ == {'area', 'name'})
class P(ABC):
    @property
    @abstractmethod
    def x(self): ...
try: P()
except TypeError as e: print(e)
print([isinstance(x, Iterable) for x in ([], (), {}, "", 1, set(), range(3), iter([]))])
print([isinstance(x, Hashable) for x in ([], (), {}, "", 1, set())])
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance("", Sequence), isinstance({}, Sequence))
print(isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(1, Callable), isinstance(iter([]), Iterator))
class MyIt:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(MyIt(), Iterator), issubclass(MyIt, Iterable), isinstance(MyIt(), Sized))
class Reg: pass
Sequence.register(Reg)
print(isinstance(Reg(), Sequence), isinstance(Reg(), Iterable), issubclass(Reg, Sized))
class M(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({'a': 1, 'b': 2})
print(dict(m), m.get('a'), 'b' in m, list(m.keys()), list(m.items()), m == {'a': 1, 'b': 2})
class S(Set):
    def __init__(self, it): self.items = list(it)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
print(sorted(S([1,2,3]) & S([2,3,4])), S([1]) <= S([1, 2]))
print(type(ABC), ABCMeta.__name__, isinstance(Shape, ABCMeta))
print(cabc.Iterable[int], list[int], dict[str, list[int]], int | None, type(int | str))
