class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("  bool called")
        return self.on


class Both:
    def __len__(self):
        return 0

    def __bool__(self):
        return True


print(len(Box([1, 2, 3])), bool(Box([])), bool(Box([0])))
print("truthy" if Box("x") else "falsy", not Box(""))
print(bool(Flag(True)), bool(Flag(False)))
if Flag(True) and Flag(False):
    print("both")
else:
    print("not both")
print(bool(Both()), len(Both()))
print(bool(object()), bool(None), bool(0.0), bool(""), bool([0]))


class BadLen:
    def __len__(self):
        return -1


class BadBool:
    def __bool__(self):
        return 1


for obj in (BadLen(), BadBool()):
    try:
        bool(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
