from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, InitVar, KW_ONLY, FrozenInstanceError, make_dataclass
from typing import List, Optional, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 2), p.norm(), repr(p))
print(Point.__doc__, Point.__init__.__qualname__)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
v = Version(1, 2)
print(sorted([Version(2), Version(1, 5), v]), v < Version(1, 3), hash(v) == hash(Version(1, 2)))
try: v.major = 3
except FrozenInstanceError as e: print(type(e).__name__, e)
@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    secret: str = field(default='s', repr=False, compare=False)
    count: int = field(default=0, init=False)
    def __post_init__(self): self.count = len(self.items)
i = Inv('a', [1, 2])
print(i, asdict(i), astuple(i), [f.name for f in fields(i)], is_dataclass(i), is_dataclass(Inv), is_dataclass(1))
print(replace(i, name='b'), Inv('x') == Inv('x', secret='q'))
@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.a *= scale
print(WithInit(3), WithInit(3, 10))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 1
print(K(a=1), K(b=3, a=2))
try: K(1)
except TypeError as e: print(e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 5
print(Mixed(1, b=2))
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash(H(1)))
@dataclass(slots=True)
class Sl:
    a: int
    b: str = 'x'
s = Sl(1)
print(s, Sl.__slots__, hasattr(s, '__dict__'))
try: s.c = 1
except AttributeError as e: print("AttributeError", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class Node:
    val: int
    children: List['Node'] = field(default_factory=list)
    parent: Optional['Node'] = None
    LIMIT: ClassVar[int] = 10
n = Node(1, [Node(2), Node(3)])
print(n, asdict(n), [f.name for f in fields(Node)])
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, 3), fields(Child)[2].name, fields(Child)[2].default)
try: Point()
except TypeError as e: print(e)
P3 = make_dataclass('P3', [('x', int), ('y', int, field(default=0))])
print(P3(1), P3.__name__)
print(Point.__match_args__, Point.__dataclass_params__)
print(Point.__annotations__, Inv.__dataclass_fields__["items"].default_factory)
