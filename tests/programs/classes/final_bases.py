# Built-in types that CPython marks as not subclassable refuse to be a base; the others accept.
import _thread
import types


def gen():
    yield


finals = [bool, type(None), type(NotImplemented), type(...), range, slice, memoryview,
          types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.CodeType,
          types.GeneratorType, type(iter([])), type(iter(())), type(iter(range(3))),
          type({}.keys()), type({}.values()), type({}.items()), type(iter({})),
          _thread.LockType]
for t in finals:
    try:
        class Sub(t):
            pass
        print(t.__name__, "accepted")
    except TypeError as e:
        print(e)

for t in [int, str, list, dict, tuple, set, frozenset, float, bytes, bytearray, object,
          enumerate, zip, map, filter, property, classmethod, staticmethod, super,
          type, types.ModuleType]:
    class Sub(t):
        pass
    print(t.__name__, "subclassed:", Sub.__mro__[1] is t)

try:
    type("X", (bool,), {})
except TypeError as e:
    print("type():", e)

try:
    class Two(int, bool):
        pass
except TypeError as e:
    print("second base:", e)
