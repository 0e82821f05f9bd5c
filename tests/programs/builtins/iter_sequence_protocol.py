class S:
    def __init__(self): self.calls = []
    def __getitem__(self, i):
        self.calls.append(i)
        if i >= 3: raise IndexError(i)
        return i * 10
s = S()
it = iter(s)
print(type(it).__name__, s.calls)
print(next(it), s.calls)
r = it.__reduce__()
print(r[0] is iter, r[1][0] is s, r[2])
it.__setstate__(2)
print(next(it), s.calls)
print(list(it), s.calls)
print(it.__reduce__())
print(it.__length_hint__())
it2 = iter(S()); it2.__setstate__(-5); print(next(it2))
d = {1: 'a', 2: 'b', 3: 'c'}
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
r = reversed(d)
print(next(r)); d[9] = 1
try: next(r)
except RuntimeError as e: print(e)
del d[9]
try: next(r)
except RuntimeError as e: print(e)
s = {1, 2}
i = iter(s); next(i); s.add(3)
for _ in range(2):
    try: next(i)
    except RuntimeError as e: print(e)
s.discard(3)
try: next(i)
except RuntimeError as e: print(e)
print(i.__length_hint__())
class L:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
    def __length_hint__(self): return "x"
class H:
    def __iter__(self): return L()
try: "".join(H())
except TypeError as e: print(e)
class L2(L):
    def __length_hint__(self): return -1
class H2:
    def __iter__(self): return L2()
try: b"".join(H2())
except ValueError as e: print(e)
print(",".join(iter(["a", "b"])))
from collections import deque
q = deque(range(5))
r = reversed(q); next(r); q.pop()
try: next(r)
except RuntimeError as e: print(e)
q.append(9)
print(next(r, "spent"), r.__length_hint__())
f = iter(q); next(f); q.pop()
for _ in range(2):
    try: next(f)
    except RuntimeError as e: print(e)
class Balky:
    def __getitem__(self, i):
        if i == 1: raise ValueError("boom")
        if i > 2: raise IndexError
        return i
b = iter(Balky()); print(next(b))
for _ in range(2):
    try: next(b)
    except ValueError as e: print("element error", e)
