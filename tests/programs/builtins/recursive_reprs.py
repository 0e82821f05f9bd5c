# Containers that hold themselves print "..." in CPython's forms: [...], (...), {...},
# set(...), frozenset(...), and a subclass's name; set subclasses print their name.
class Holder:
    def __init__(self, obj):
        self.obj = obj

    def __repr__(self):
        return repr(self.obj)

    def __hash__(self):
        return 1


class S(set):
    pass


class FS(frozenset):
    pass


l = []
l.append(l)
t = ([],)
t[0].append(t)
d = {}
d["self"] = d
s = set()
s.add(Holder(s))
sub = S()
sub.add(Holder(sub))
print(l, t, d, s, sub)
print(repr(S()), repr(S([1, 2])), repr(FS()), repr(FS([1])), frozenset([2]), set())
h = Holder(None)
fs = frozenset([h])
h.obj = fs
print(fs, [fs], (fs, 1))
print(set([1, 2]).__sub__(set([2, 3])), frozenset([1]).__rsub__(frozenset([1, 2])), set().__sub__(1))
