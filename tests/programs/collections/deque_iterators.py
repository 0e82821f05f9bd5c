# deque's iterator types: constructible with a deque and a count to skip (keywords ignored),
# an error when the deque changes size under them; a subclass's repr; index with huge bounds.
from collections import deque

it_type, rev_type = type(iter(deque())), type(reversed(deque()))
print(it_type.__name__, rev_type.__name__)
for i in [-3, 0, 2, 4, 10]:
    print(i, list(it_type(deque("abcd"), i)), list(rev_type(deque("abcd"), i)))
print(list(it_type(deque("abcd"), index=2)), list(rev_type(deque("abcd"), index=2)))

d = deque([1, 2, 3])
it = iter(d)
print(next(it), it.__length_hint__())
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed(d)), list(d))


class D(deque):
    pass


print(repr(D()), repr(D([1, 2])), repr(D([1], maxlen=3)))
print(deque([1, 2, 3]).index(3, 0, 10**25))
try:
    deque([1]).index(10, -(10**30), 10**25)
except ValueError as e:
    print("ValueError", e)
print([5, 6].index(6, -(10**30), 10**30))
