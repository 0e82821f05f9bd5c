import _shapes
from _shapes import describe, SIDES as sides
import _shapes as again

print(_shapes.describe("square"), describe("triangle"), sorted(sides))
print(again is _shapes, __name__)
if __name__ == "__main__":
    print("run as main")
