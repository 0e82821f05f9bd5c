# The types module: SimpleNamespace, MappingProxyType, the type names, new_class, and the
# GenericAlias/UnionType objects behind list[int] and int | None.
import types

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), vars(ns))
mp = types.MappingProxyType({"k": 1})
print(mp, mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0), str(mp))
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError:", e)


def f():
    yield 1


class C:
    def m(self):
        pass


print(isinstance(f, types.FunctionType), isinstance(f(), types.GeneratorType), isinstance(C().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType), types.NoneType, type(lambda: 0) is types.LambdaType)
print(list[int], dict[str, list[int]], tuple[int, ...], type[C], list[int].__origin__, dict[str, int].__args__)
print(int | None, int | str | None, (int | str).__args__, (int | None) == (None | int), list[int] | None)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None), list[int]([1, 2]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)


def body(ns):
    ns["x"] = 1


D = types.new_class("D", (C,), {}, body)
print(D.__name__, D.x, D.__bases__, types.resolve_bases((C, list[int])))
print(type(list[int]) is types.GenericAlias, type(int | str) is types.UnionType)
