class Animal:
    legs = 4

    def speak(self):
        return "..."


class Bird(Animal):
    legs = 2


b = Bird()
print(isinstance(b, Animal), isinstance(b, (int, str)), isinstance(b, (int, Animal)), isinstance(3, (float, (int, str))))
print(issubclass(Bird, Animal), issubclass(Bird, (int, Animal)), issubclass(bool, int), issubclass(int, object))
print(type(b) is Bird, type(b) == Animal, type(3), type("x"), type(None), type(len), type(Bird))
print(getattr(b, "legs"), getattr(b, "wings", 0), hasattr(b, "speak"), hasattr(b, "fly"))
setattr(b, "legs", 1)
print(b.legs, Bird.legs, getattr(Bird, "speak")(b))
try:
    getattr(b, "fly")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    isinstance(b, "Bird")
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, Animal)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(len), callable(Bird), callable(b.speak), callable(b), callable(None))
print(type(1.0).__name__, type([]).__name__, type({}).__name__, type(()).__name__, type(set()).__name__, type(range(1)).__name__)
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object), isinstance(int, type))
