# A class attribute __call__ that does not bind (a class, a staticmethod) is called without
# the receiver: typing.TypedDict's metaclass has __call__ = dict.
from typing import TypedDict
class TD(TypedDict):
    a: int
    b: str
print(TD(a=1, b="x"), type(TD(a=1)).__name__)
class M(type):
    __call__ = list
class L(metaclass=M):
    pass
print(L("ab"))
class S:
    @staticmethod
    def __call__(x):
        return x * 2
print(S()(21))
class C:
    __call__ = tuple
print(C()([1, 2]))
