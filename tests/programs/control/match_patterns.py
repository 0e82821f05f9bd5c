# Every kind of pattern of the match statement, the order names are bound in, and the
# run-time errors class patterns raise.
import collections
import collections.abc
from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclass
class Box:
    width: int
    height: int


class Color:
    RED = "red"
    GREEN = "green"


def describe(subject):
    match subject:
        case None:
            return "None"
        case True:
            return "True"
        case -1 | 0:
            return f"small int {subject}"
        case 2.5:
            return "two and a half"
        case "hi" "!":
            return "greeting"
        case b"raw":
            return "bytes literal"
        case Color.RED:
            return "red (a value pattern)"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [1, *middle, 9]:
            return f"from 1 to 9 through {middle}"
        case [first, *_, last]:
            return f"first {first!r} last {last!r}"
        case {}:
            return "any mapping"
        case _:
            return "something else"


for value in [None, True, -1, 0, 2.5, "hi!", b"raw", "red", [], (), [3], (4,),
              [1, 2, 3, 9], [1, 9], "abc", range(5), {"a": 1}, 7, 1.5]:
    print(repr(value), "->", describe(value))


def mapping(subject):
    match subject:
        case {"kind": "circle", "r": radius}:
            return f"circle {radius}"
        case {"kind": "rect", **rest} if rest:
            return f"rect with {sorted(rest.items())}"
        case {"kind": kind, **rest}:
            return f"{kind} rest={rest}"
        case {1: one, Color.GREEN: g}:
            return f"keys 1 and green: {one} {g}"
        case _:
            return "no mapping match"


for value in [{"kind": "circle", "r": 2, "extra": 0}, {"kind": "rect", "w": 1, "h": 2},
              {"kind": "rect"}, {"kind": "tri"}, {1: "a", "green": "b"},
              collections.OrderedDict(kind="od"), collections.Counter(kind=3),
              collections.defaultdict(int, kind="dd"), [("kind", 1)], "kind"]:
    print(mapping(value))


def classes(subject):
    match subject:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on the y axis at {yy}"
        case Point(xx, 0):
            return f"on the x axis at {xx}"
        case Point(a, b) if a == b:
            return f"diagonal {a}"
        case Point():
            return "some point"
        case Box(w, height=1):
            return f"flat box {w}"
        case Box(width=w, height=h):
            return f"box {w}x{h}"
        case bool(b):
            return f"bool {b}"
        case int(n) | float(n):
            return f"number {n!r}"
        case str(s):
            return f"str {s!r}"
        case list([a, b]) | tuple((a, b)):
            return f"pair {a} {b}"
        case dict(d):
            return f"dict {d}"
        case _:
            return "other"


for value in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Box(4, 1),
              Box(2, 3), True, 3, 2.0, "s", [1, 2], (3, 4), [1, 2, 3], {"k": 1}, None]:
    print(classes(value))


# Or-patterns binding the same names in different orders, nested as-patterns.
def nested(subject):
    match subject:
        case [a, (b, c)] | [(c, b), a]:
            return f"a={a} b={b} c={c}"
        case {"p": Point(x=px) as point} as whole:
            return f"px={px} point.y={point.y} keys={list(whole)}"
        case [[[deep]]]:
            return f"deep {deep}"
        case [*all_items] if len(all_items) > 3:
            return f"long {all_items}"
        case _:
            return "no"


for value in [[1, (2, 3)], [(4, 5), 6], {"p": Point(7, 8)}, [[[9]]], [1, 2, 3, 4], [1, 2]]:
    print(nested(value))

# Sequences: a deque is a sequence, str/bytes/bytearray are not; an iterator is not.
for value in [collections.deque([1, 2]), "ab", b"ab",
              bytearray(b"ab"), iter([1, 2]), {1: 2, 3: 4}]:
    match value:
        case [p, q]:
            print(type(value).__name__, "is a sequence of two:", p, q)
        case _:
            print(type(value).__name__, "is not matched by [p, q]")


class Registered:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


print("before register:", end=" ")
match Registered([1]):
    case [x]:
        print("sequence", x)
    case _:
        print("not a sequence")
collections.abc.Sequence.register(Registered)
print("after register:", end=" ")
match Registered([1]):
    case [x]:
        print("sequence", x)
    case _:
        print("not a sequence")

# The subject is evaluated once; guards run in order.
calls = []


def subject():
    calls.append("subject")
    return [1, 2]


def guard(tag, result):
    calls.append(tag)
    return result


match subject():
    case [a, b] if guard("first guard", False):
        print("not here")
    case [a, b] if guard("second guard", True):
        print("matched with", a, b)
print(calls)

# Soft keywords stay names elsewhere.
match = [1, 2]
case = {"x": 3}
print(match[0], case["x"])
_ = "underscore"
match _:
    case _:
        print("wildcard matched", _)


def match(*args):
    return args


print(match(1, 2))


# Run-time errors raised by class patterns.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class NotStrings:
    __match_args__ = (1,)


class Twice:
    __match_args__ = ("a",)
    a = 1


for value, label in [(NoArgs(), "NoArgs"), (BadArgs(), "BadArgs"), (NotStrings(), "NotStrings"),
                     (Twice(), "Twice"), (5, "int"), (None, "len")]:
    try:
        match value:
            case NoArgs(1):
                pass
            case BadArgs(1):
                pass
            case NotStrings(1):
                pass
            case Twice(1, a=1):
                pass
            case int(1, 2):
                pass
            case len():
                pass
    except TypeError as e:
        print(label, "TypeError:", e)

# A missing attribute is no match, not an error.
match Point(1, 2):
    case Box(width=1):
        print("no")
    case Point(z=1):
        print("no")
    case _:
        print("missing attributes do not match")
