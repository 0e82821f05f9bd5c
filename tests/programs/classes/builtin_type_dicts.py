# The methods of the built-in types live in the types' dicts: one lookup serves the type,
# its values and its subclasses.
print('append' in list.__dict__, 'join' in str.__dict__, 'get' in vars(dict))
print(str.__dict__['join'](',', ['a', 'b']), list.__dict__['append'].__name__)
print(sorted(n for n in vars(int) if n in ('bit_length', 'to_bytes', '__add__', 'upper')))
print([n for n in ('append', 'sort', '__len__', 'upper') if n in dir(list)])
print(list.__hash__, dict.__hash__ is None, 'keys' in dir({}))


class L(list):
    pass


x = L([1, 2])
x.append(3)
print(x, len(x), x.__len__(), L.__hash__, L.append is list.append)


class M(list):
    def __init__(self, items):
        super().__init__(items)
        self.tag = 1

    def append(self, v):
        super().append(v * 10)


m = M([4, 5])
m.append(6)
print(m, m.tag, list.append.__name__)


class D(dict):
    def __missing__(self, k):
        return 0


d = D(a=1)
print(d['x'], d.get('a'), sorted(d.keys()), dict.get(d, 'a'))


class C:
    pass


print(C.__init__ is object.__init__, C.__repr__ is object.__repr__, C() == C())
print(True.bit_length(), bool.__dict__.get('bit_length'), (5).__add__(1), int.__add__(2, 3))
print(iter([7]).__next__(), slice(1, 5).indices(3), bytearray(b'x').upper())
print(list.append(x, 4), x, list.__len__(m), dict.get(d, 'zz', 'none'))
