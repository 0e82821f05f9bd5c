# A number's special methods take numbers no higher in the tower int < float < complex, else
# NotImplemented (the operators then ask the other operand).
print((1).__eq__(1.0), (1).__lt__(2.5), (1.0).__eq__(1), (1.5).__lt__(2), (1).__add__(1.0), (1.0).__add__(1), (True).__eq__(1), (1).__eq__(True))
print((2).__radd__(1.5), (2).__mul__(1.5), (2).__truediv__(4), (2.0).__rtruediv__(1), (1).__ne__(1.0), (3).__pow__(0.5))
print((1).__eq__("a"), (1.0).__eq__("a"), (1).__floordiv__(2.0), (1).__mod__(2.0), (5).__and__(1.0))
print((2).__mul__([1]), (1.5).__add__(1j), (1j).__add__(1), (1j).__eq__(1.0), True.__and__(1), (1).__and__(True))
print((1.5).__mul__("ab"), (1).__rsub__(1.5), (2.5).__rsub__(1), (1j).__radd__(2.5))


class MyInt(int):
    pass


class MyFloat(float):
    pass


print(MyInt(3).__eq__(3.0), MyInt(3).__add__(MyInt(4)), MyFloat(2).__add__(MyInt(1)), (3).__eq__(MyInt(3)))
print(1 == 1.0, 1 + 1.5, 2 * 1.5, 1.5 < 2, 2 ** 0.5, 7 // 2.0, divmod(7, 2.0), [1] * 2, 2 * [1])
print(sorted([3, 1.5, 2, True]), max(1, 2.5), sum([1, 2.5, 3]))
