class Shape:
    kind = "shape"

    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def describe(self):
        return f"{self.name}: {self.kind} with area {self.area()}"


class Rect(Shape):
    kind = "rectangle"

    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    kind = "square"

    def __init__(self, side):
        super().__init__(side, side)
        self.name = "sq"


shapes = [Rect(2, 3), Square(4)]
for s in shapes:
    print(s.describe())

print(isinstance(shapes[1], Rect), isinstance(shapes[0], Square))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, Square))
print(Square.__bases__[0].__name__, Rect.__base__.__name__, Shape.__base__.__name__)

try:
    Shape("blob").describe()
except NotImplementedError as e:
    print(type(e).__name__, e)

s = Square(2)
print(s.w, s.h, s.name, s.kind, Shape.kind)
s.kind = "mine"
print(s.kind, Square.kind)
del s.kind
print(s.kind)
