# pickle (CPython's pure-Python pickler over the object model's __reduce_ex__/__getstate__):
# every protocol round-trips built-in values, user classes (with __dict__, __slots__,
# __getstate__/__setstate__, __reduce__), dataclasses, enums, subclasses of list/dict,
# arrays, shared and recursive references; the bytes of small pickles; the errors.
import pickle, copyreg, array, dataclasses, enum, collections

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return type(o) is Point and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b

class WithState:
    def __init__(self):
        self.secret = 1
        self.keep = 2
    def __getstate__(self):
        return {"keep": self.keep}
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.restored = True

class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 2,))

@dataclasses.dataclass
class DC:
    name: str
    tags: list

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class MyList(list):
    pass

class MyDict(dict):
    pass

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(Point(1, 2), proto))
    print(proto, p, type(p).__name__)
    s = pickle.loads(pickle.dumps(Slotted(3, 4), proto)) if proto >= 2 else None
    print(s and (s.a, s.b))
    w = pickle.loads(pickle.dumps(WithState(), proto))
    print(sorted(vars(w).items()))
    print(pickle.loads(pickle.dumps(Reduced(5), proto)).v)
    print(pickle.loads(pickle.dumps(DC("a", [1, 2]), proto)))
    print(pickle.loads(pickle.dumps(Color.GREEN, proto)) is Color.GREEN)
    ml = MyList([1, 2]); ml.extra = "e"
    r = pickle.loads(pickle.dumps(ml, proto))
    print(type(r).__name__, r, r.extra)
    print(pickle.loads(pickle.dumps(MyDict(a=1), proto)))
    a = pickle.loads(pickle.dumps(array.array("i", [1, 2, 3]), proto))
    print(a)
    lst = [1, 2]; lst.append(lst)
    r = pickle.loads(pickle.dumps(lst, proto))
    print(r[2] is r, r[:2])
    shared = [0]
    r = pickle.loads(pickle.dumps((shared, shared), proto))
    print(r[0] is r[1])
    print(pickle.loads(pickle.dumps(collections.OrderedDict(a=1), proto)))
    r = pickle.loads(pickle.dumps([len, Point, Color, copyreg.pickle], proto))
    print(r[:3], r[3] is copyreg.pickle)

print(pickle.dumps(1, 0), pickle.dumps("a", 0), pickle.dumps((1, "x", b"y"), 2))
print(pickle.dumps([1, 2.5, None, True], 4))
print(pickle.dumps({"k": (1, 2)}, 3))
import io
f = io.BytesIO()
pickle.dump({"x": 1}, f)
f.seek(0)
print(pickle.load(f), pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)

for bad in (lambda: pickle.loads(b""),
            lambda: pickle.dumps(1, 9), lambda: pickle.dumps((x for x in [])),
            lambda: pickle.loads(b"cbuiltins\nnope\n.")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", str(e).split(" on <")[0])

# copy uses the same reduce protocol
import copy
print(copy.copy(Point(5, 6)), copy.deepcopy(DC("b", [[1]])), copy.copy(Slotted(7, 8)).b)
print(Point(1, 2).__reduce_ex__(2)[0].__name__, Point(1, 2).__getstate__(), object().__reduce_ex__(2)[1])
print(copyreg.__newobj__(Point, ).__class__.__name__, Point.__new__(Point).__class__.__name__)
