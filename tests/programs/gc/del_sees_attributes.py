# __del__ of an object freed with the container that held it (however deep) still sees its
# attributes.


class Node:
    def __init__(self, name):
        self.name = name
        self.payload = [name] * 2

    def __del__(self):
        print("del", self.name, sorted(vars(self)))


def build():
    return [[Node("in list")], {"key": Node("in dict")}, (Node("in tuple"),)]


holder = build()
del holder

nested = [Node("deep")]
for _ in range(100):
    nested = [nested]
del nested
print("end")
