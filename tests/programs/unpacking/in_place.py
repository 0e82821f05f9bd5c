# Unpacking a tuple or list straight into locals, with the stores cut short by other targets,
# and errors for wrong lengths; star-unpacking read in place.


def into_locals(seq):
    a, b, c = seq
    return a, b, c


def mixed_targets(seq, box):
    a, box[0], c = seq
    return a, box, c


def same_name_twice(seq):
    a, a = seq
    return a


def chained(t):
    a, b = c, d = t
    return a, b, c, d


print(into_locals((1, 2, 3)), into_locals([4, 5, 6]), into_locals("xyz"))
print(mixed_targets([1, 2, 3], [0]), same_name_twice((7, 8)), chained((1, 2)))
for bad in [(1, 2), [1, 2, 3, 4], 5]:
    try:
        into_locals(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def star(seq):
    first, *middle, last = seq
    return first, middle, last


print(star((1, 2, 3, 4)), star([1, 2]), star(range(3)))
try:
    star([1])
except ValueError as e:
    print(e)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
p, q = q2, p2 = "ab"
print(p, q, q2, p2)
lst = [1, 2]
lst[0], lst[1] = lst[1], lst[0]
print(lst)
