class O:
    def who(self):
        return ["O"]


class A(O):
    def who(self):
        return ["A"] + super().who()


class B(O):
    def who(self):
        return ["B"] + super().who()


class C(O):
    def who(self):
        return ["C"] + super().who()


class D(A, B):
    def who(self):
        return ["D"] + super().who()


class E(B, C):
    def who(self):
        return ["E"] + super().who()


class F(D, E):
    def who(self):
        return ["F"] + super().who()


for cls in (A, D, E, F):
    print(cls.__name__, [k.__name__ for k in cls.__mro__])
    print("  who:", cls().who())

print([k.__name__ for k in F.mro()])

try:
    class Bad(A, D):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class X:
    tag = "x"


class Y(X):
    pass


class Z(X):
    tag = "z"


class W(Y, Z):
    pass


print(W.tag, [k.__name__ for k in W.__mro__])
