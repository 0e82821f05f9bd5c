# Stores that add an instance's next attribute through a warm store site: in the order the
# class's instances first set them, out of it, after a deletion, and on a subclass.
class C:
    pass


def fill(o, n):
    o.a = n
    o.b = n + 1


objs = [C() for _ in range(5)]
for i, o in enumerate(objs):
    fill(o, i)
print([vars(o) for o in objs])

odd = C()
odd.b = "b first"
fill(odd, 10)
print(vars(odd))

late = C()
late.a = 1
late.c = 2
fill(late, 20)
print(vars(late))

gone = C()
fill(gone, 30)
del gone.b
fill(gone, 40)
print(vars(gone))
del gone.a
fill(gone, 50)
print(vars(gone))


class D(C):
    pass


d = D()
fill(d, 60)
d.z = "z"
print(vars(d), objs[0].a, objs[4].b)
