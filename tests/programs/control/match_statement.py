def describe(value):
    match value:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float():
            return f"number {value}"
        case "quit" | "exit":
            return "command to stop"
        case str(s):
            return f"string {s!r}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"list starting {first} with {len(rest)} more"
        case {"type": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case None:
            return "nothing"
        case _:
            return f"other {type(value).__name__}"


for v in [0, -3, 2.5, "quit", "hi", [1, 2], [1, 2, 3], (9,), {"type": "point", "x": 1, "y": 2, "z": 0}, None, {1}]:
    print(describe(v))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


for p in [Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2)]:
    match p:
        case Point(0, 0):
            print("origin")
        case Point(0, y):
            print("on y axis at", y)
        case Point(x=a, y=b) if a == b:
            print("diagonal", a)
        case Point():
            print("somewhere", p.x, p.y)
