# Indexing the eval loop does inline (lists and tuples at ints, dicts at str and int keys)
# next to the cases it leaves to the general path.
items = [10, 20, 30]
t = (1, 2, 3)
for i in (0, 2, -1, -3):
    print(i, items[i], t[i])
for i in (3, -4, 2**70):
    for seq in (items, t):
        try:
            seq[i]
        except IndexError as e:
            print("IndexError:", e)
items[-1] = 99
items[0] += 1
print(items)
try:
    items[5] = 0
except IndexError as e:
    print("IndexError:", e)
print(items[True], t[False], items[1:], t[::-1])

d = {1.0: "float one", "a": 1}
print(d[1], d[True], d["a"])
d[1] = "int one"
print(d, list(d))
d["a"] += 1
print(d["a"])
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)


class Defaulting(dict):
    def __missing__(self, key):
        return "default for %r" % (key,)


class Items(list):
    pass


print(Defaulting(x=1)["x"], Defaulting()["y"], Defaulting()[3])
print(Items([1, 2, 3])[-1])
s = "abc"
print(s[1], s[-1])
