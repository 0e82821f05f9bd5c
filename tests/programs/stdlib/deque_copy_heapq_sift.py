# deque copies and pickles its items, a bounded append does not call a subclass popleft, heapq keeps its Python sift helpers.
import copy, pickle
from collections import deque
d = deque([1, 2, 3])
c = copy.copy(d)
d.popleft()
print(list(c), len(c), list(d))
print(pickle.loads(pickle.dumps(deque([4, 5], maxlen=3))))
class D(deque):
    def popleft(self):
        print("override")
        return deque.popleft(self)
x = D([1, 2], maxlen=2)
x.append(3)
print(x, copy.deepcopy(deque([[1]])))
import heapq
h = [3, 1]; heapq._siftdown(h, 0, 1); print(h)
class E(deque):
    pass
e = E([1, 2]); print(type(e.copy()).__name__, type(copy.copy(e)).__name__, e.copy())
