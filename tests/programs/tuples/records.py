students = [("ann", 91, "math"), ("bob", 78, "art"), ("cy", 85, "math"), ("dee", 91, "art")]
for name, score, subject in students:
    print(f"{name:<4}{score:>4} {subject}")
best = max(students, key=lambda s: (s[1], s[0]))
print("best:", best)
by_subject = {}
for name, score, subject in students:
    by_subject.setdefault(subject, []).append((score, name))
for subject, entries in sorted(by_subject.items()):
    print(subject, sorted(entries, reverse=True))


def min_max(values):
    return min(values), max(values)


lo, hi = min_max([5, 3, 9])
print(lo, hi, min_max("hello"))
coords = [(0, 0), (3, 4), (-1, 1)]
print(sorted(coords, key=lambda p: p[0] ** 2 + p[1] ** 2), list(zip(*coords)))
print(tuple(sorted({"b": 1, "a": 2}.items())), dict([("k", "v"), ("k2", "v2")]))
