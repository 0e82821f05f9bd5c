class Bag:
    def __init__(self, **items):
        for key, value in items.items():
            setattr(self, key, value)


b = Bag(apple=1, pear=2)
print(vars(b), b.__dict__ is vars(b))
b.__dict__["plum"] = 3
print(b.plum, getattr(b, "apple"), hasattr(b, "kiwi"))
delattr(b, "apple")
print(vars(b))
try:
    delattr(b, "apple")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b.kiwi
except AttributeError as e:
    print(type(e).__name__, e)
setattr(b, "with space", 1)
print(getattr(b, "with space"))


class Empty:
    pass


e = Empty()
print(vars(e), type(e) is Empty, type(e).__name__, Empty.__module__)
e.x = 1
print(vars(e))
print(isinstance(Empty, type), type(Empty).__name__, type(type).__name__)
