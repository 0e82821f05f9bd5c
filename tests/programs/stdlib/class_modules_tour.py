# A tour of the class-machinery modules together (dataclasses, enum, typing, abc,
# collections.abc, contextlib, traceback objects), as an annotated script uses them.
import dataclasses, enum, typing, abc, contextlib, traceback, sys, io
from dataclasses import dataclass, field, asdict, astuple, fields, replace, InitVar, FrozenInstanceError
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
from typing import Any, Optional, Union, List, Dict, Callable, TypeVar, Generic, Protocol, NamedTuple, TypedDict, Literal, Final, ClassVar, cast, overload, TYPE_CHECKING, get_type_hints

@dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False, repr=False)
p = P(1, 2)
print(p, asdict(p), astuple(p), [f.name for f in fields(p)], replace(p, y=5), P(1) < P(2))
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e)
@dataclass(kw_only=True, slots=True)
class K:
    a: int
    b: str = "s"
print(K(a=1), K.__slots__, hasattr(K(a=1), '__dict__'))
@dataclass
class Q:
    n: InitVar[int]
    m: int = 0
    def __post_init__(self, n):
        self.m = n * 2
print(Q(3))

class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
print(Color.RED, repr(Color.RED), Color(1), Color['GREEN'], list(Color), Color.ALIAS is Color.RED)
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm(0), repr(Perm(7)))
class IP(IntFlag):
    A = 1; B = 2
print(IP.A | IP.B, repr(IP.A | 8))
class S(StrEnum):
    A = auto()
print(S.A, repr(S.A), S.A.upper())
class N(IntEnum):
    ONE = 1
print(N.ONE + 1, repr(N.ONE), f"{N.ONE}", str(N.ONE))
try:
    Color(5)
except ValueError as e:
    print(e)
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e:
    print(e)
T = TypeVar('T')
print(Optional[int], Union[int, str], List[int], Dict[str, int], Callable[[int], str], int | None, list[int], Literal['a'], repr(T))
class Box(Generic[T]):
    pass
print(Box[int], get_type_hints(P))
class Pt(NamedTuple):
    x: int
    y: int = 1
print(Pt(1), Pt._fields, Pt(1)._replace(y=3))
class TD(TypedDict):
    a: int
print(TD(a=1))
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @abc.abstractmethod
    def g(self): ...
try:
    A()
except TypeError as e:
    print(e)
from collections.abc import Sequence, Mapping, Iterable, Hashable
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance(1, Hashable), isinstance([], Hashable), issubclass(str, Iterable))
with contextlib.suppress(KeyError):
    {}['x']
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as st:
    st.callback(print, "exit cb")
@contextlib.contextmanager
def cm():
    print("enter"); yield 5; print("leave")
with cm() as v: print(v)
def f():
    1/0
try:
    f()
except ZeroDivisionError as e:
    print(''.join(traceback.format_exception(e)).replace(__file__, 'F'))
    print([ (fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)])
    print(traceback.format_exc().splitlines()[-1])
print(sys.exc_info())
