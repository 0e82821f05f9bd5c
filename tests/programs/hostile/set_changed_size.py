# Changing a set's size while iterating over it raises, as in CPython; so does a dict's.

s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("add:", e)

s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("discard:", e, len(s))

s = {1, 2, 3}
it = iter(s)
next(it)
s.add(4)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)

# Changes that keep the size are allowed.
s = {1, 2, 3}
for x in list(s):
    s.discard(x)
    s.add(x)
print(sorted(s))

# A frozenset cannot change; a copy can be changed freely.
f = frozenset({1, 2, 3})
for x in f:
    s.add(x * 100)
print(sorted(s))

d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("dict:", e)
try:
    for k in d.values():
        del d[1]
except RuntimeError as e:
    print("dict values:", e)
