s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 6], (7,))
print(sorted(s), len(s))
s.discard(100)
s.discard(5)
s.remove(6)
print(sorted(s))
try:
    s.remove(6)
except KeyError as e:
    print(type(e).__name__, e)
popped = s.pop()
print(popped in (1, 3, 7), len(s))
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
f = frozenset([3, 1, 2])
print(sorted(f), type(f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print({f: "frozen as key"}[frozenset({1, 2, 3})], frozenset(), repr(frozenset()))
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
seen = set()
unique = []
for word in "a b a c b d".split():
    if word not in seen:
        seen.add(word)
        unique.append(word)
print(unique, len(seen))
print(repr({1}), repr({1, 2, 3}), str({(1, 2)}))
