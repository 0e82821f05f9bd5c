# A subclass of a built-in number that overrides a reflected method: the reflected method runs
# first, once; when it gives NotImplemented the built-in's own operation answers.


class IntSub(int):
    def __radd__(self, other):
        print("IntSub.__radd__", other)
        return NotImplemented

    def __rmul__(self, other):
        print("IntSub.__rmul__", other)
        return "rmul"


class FloatSub(float):
    def __rsub__(self, other):
        print("FloatSub.__rsub__", other)
        return NotImplemented


class Plain(int):
    pass


print(1 + IntSub(2))
print(3 * IntSub(2))
print(10.0 - FloatSub(0.5))
print(type(1 + Plain(2)).__name__, 1 + Plain(2))
print(2.5 + IntSub(1))


class StrSub(str):
    def __radd__(self, other):
        print("StrSub.__radd__", other)
        return NotImplemented


print("a" + StrSub("b"))
