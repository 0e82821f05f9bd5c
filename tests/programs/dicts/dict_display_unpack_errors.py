# {**x} in a dict display takes only a mapping (something with keys()).
import collections

for bad in ([1, 2], [[1, 2], [3, 4]], "string", (1, 2, 3), 5):
    try:
        {**bad}
    except TypeError as e:
        print(e)


class Keyed:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k.upper()


print({**Keyed(), "c": 1}, {**{"a": 1}, **{"b": 2}})
od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print({**od}, dict(**od))


class Broken:
    @property
    def keys(self):
        raise ValueError("keys broke")


try:
    {**Broken()}
except ValueError as e:
    print("ValueError", e)
d = {1: 2}
d |= [(3, 4)]
print(d)
