# A built-in type's method called unbound checks its receiver: a value of another type is a
# TypeError (the native method never sees it), a subclass instance reaches the value it wraps,
# and the class-level methods take the class.


class L(list):
    pass


class D(dict):
    def __missing__(self, k):
        return 0


x = L([1])
d = D(a=1)
print(list.append(x, 3), x, list.__len__(x), dict.get(d, 'a'), d['x'], d.get('a'))
print(object.__reduce_ex__(x, 2)[1], x.__reduce_ex__(2)[1])
print(int.from_bytes(b'\x01\x00', 'little'), dict.fromkeys('ab'), str.maketrans('a', 'b'))
print(bool.__and__(True, False), int.bit_length(True), float.fromhex('0x1p1'))
print(str.join(',', ['a', 'b']), bytes.hex(b'\x01'), tuple.count((1, 1), 1))

for call in (
    lambda: dict.get(5, 'a'),
    lambda: list.append(5, 1),
    lambda: set.add([], 1),
    lambda: str.upper(b'x'),
    lambda: bytes.hex('x'),
    lambda: int.__add__(1.5, 2),
    lambda: float.__mul__(2, 2.0),
    lambda: list.append(),
):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)

# A built-in method installed under another special name is an override like any other.


class Foo:
    pass


Foo.__repr__ = Foo.__str__
try:
    str(Foo())
except RecursionError:
    print('RecursionError')


class Shout(int):
    __str__ = int.__repr__
    __repr__ = lambda self: 'Shout!'


print(str(Shout(7)), repr(Shout(7)), f'{Shout(8)}')
