import typing
from typing import (Any, Optional, Union, List, Dict, Set, Tuple, Callable, Iterable, Iterator, Generator,
    Sequence, Mapping, Type, TypeVar, Generic, Protocol, NamedTuple, TypedDict, Literal, Final, ClassVar,
    cast, overload, TYPE_CHECKING, get_type_hints, get_origin, get_args, runtime_checkable, FrozenSet, DefaultDict, Annotated, NewType)
print(Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., Any])
print(Set[str], FrozenSet[int], Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float], Mapping[str, Any], Type[int], Literal['a', 1], Final[int], ClassVar[List[int]])
print(list[int], dict[str, int], tuple[int, ...], int | None, int | str | None, type(list[int]), type(int | None), list[int] == list[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_origin(list[int]), get_args(int | str), get_origin(Literal[1]))
T = TypeVar('T')
K = TypeVar('K', bound=str)
print(T, K, repr(T), T.__name__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1); s.push(2); print(s.pop(), Stack[int], Stack.__parameters__, Stack.__mro__)
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p._asdict(), p.x, Point._fields, p._replace(y=5), Point.__annotations__, isinstance(p, tuple))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))
class Movie(TypedDict):
    title: str
    year: int
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
print(cast(int, 'x'), TYPE_CHECKING)
def f(a: int, b: Optional[str] = None) -> List[int]: return []
print(get_type_hints(f), f.__annotations__)
class A:
    x: int
    y: 'List[str]'
    z: ClassVar[int] = 3
print(get_type_hints(A))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3))
UserId = NewType('UserId', int)
print(UserId(5), UserId)
print(Annotated[int, 'meta'], Any, typing.NoReturn, typing.Union[int, typing.List[int]])
try: Union[int]()
except TypeError as e: print(e)
try: isinstance(1, List[int])
except TypeError as e: print(e)
print(isinstance([], typing.List), isinstance({}, typing.Mapping), issubclass(list, typing.Sequence))
m: Movie = {'title': 'x', 'year': 1}
print(m, Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__total__)
import io, sys
print(typing.io.__name__, io.StringIO('still io').read(), sys.modules['typing.io'] is typing.io)
