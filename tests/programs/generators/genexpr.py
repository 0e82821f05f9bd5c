squares = (x * x for x in range(6))
print(type(squares).__name__)
print(next(squares), next(squares), list(squares), list(squares))

print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [4, 5, 2]))
print(sorted((c for c in "generator" if c not in "aeiou"), reverse=True))
print(",".join(str(n) for n in range(5) if n % 2 == 0))
print(dict((k, len(k)) for k in ["one", "three"]))

data = [3, 1, 4, 1, 5]
gen = (d * 10 for d in data)
data = [100]
print(list(gen))

nested = ((a, b) for a in "xy" for b in (a * 2, a * 3))
print(list(nested))


def count_evaluations():
    log = []

    def src():
        for i in range(3):
            log.append(f"produce {i}")
            yield i

    g = (v + 1 for v in src())
    log.append("created")
    for v in g:
        log.append(f"consume {v}")
    return log


print(count_evaluations())
