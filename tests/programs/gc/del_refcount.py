# __del__ runs when the last reference goes, in CPython's order, exactly once.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f():
    d = D(1)
    print("in f")


f()
print("after f")
x = D(2)
x = D(3)
print("reassigned")
del x
print("deleted")
lst = [D(4), D(5)]
lst.pop()
print("popped")
del lst
print("list gone")
t = (D(6),)
t = None
print("tuple gone")
m = {"k": D(7)}
m["k"] = 0
print("dict value replaced")


class Sub(D):
    pass


s = Sub(8)
del s
print("subclass done")


class Twice:
    def __del__(self):
        print("Twice.__del__")
        global keep
        keep = self


tw = Twice()
del tw
print("resurrected:", type(keep).__name__)
keep = None
print("end")
