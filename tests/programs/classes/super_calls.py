class Base:
    def __init__(self, value):
        self.log = ["Base"]
        self.value = value

    def greet(self, who):
        return f"hello {who} from Base"

    @classmethod
    def make(cls, value):
        return cls(value)


class Middle(Base):
    def __init__(self, value):
        super().__init__(value * 2)
        self.log.append("Middle")

    def greet(self, who):
        return super().greet(who).upper()


class Leaf(Middle):
    def __init__(self, value):
        super(Leaf, self).__init__(value + 1)
        self.log.append("Leaf")

    def greet(self, who):
        inner = super().greet(who)
        return f"[{inner}]"

    @classmethod
    def make(cls, value):
        obj = super().make(value)
        obj.log.append("made")
        return obj


leaf = Leaf(3)
print(leaf.value, leaf.log)
print(leaf.greet("ann"))
print(Middle(1).greet("bob"))
made = Leaf.make(10)
print(type(made).__name__, made.value, made.log)
print(super(Middle, leaf).greet("direct"))
print(Base.greet(leaf, "unbound"))
