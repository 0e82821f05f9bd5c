class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, (p + q).norm2())
print([p, q], str(p), repr(q))


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"


print(Animal("generic").speak(), Dog("rex").speak(), isinstance(Dog("a"), Animal))
print(Dog.sound, Dog("x").name, type(p).__name__)
