class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("2.0"), Version("10.0")
print(a < b, a > b, a <= b, a >= b, a == b, a != b)


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("  lt", self.v, other.v)
        return self.v < other.v


x, y = OnlyLt(1), OnlyLt(2)
print(x < y)
print(x > y)
try:
    x <= y
except TypeError as e:
    print(type(e).__name__, e)
try:
    Version("1") < 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object() < object()
except TypeError as e:
    print(type(e).__name__, e)
