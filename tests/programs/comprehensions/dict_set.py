words = ["apple", "banana", "cherry", "avocado", "blueberry"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip("abc", range(3)) if v != 1})
inverted = {v: k for k, v in {"x": 1, "y": 2, "z": 1}.items()}
print(inverted)
print({i: i * i for i in range(5)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print({k: sorted(v, key=len) for k, v in sorted(by_letter.items())})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__, {x: x for x in ()})
print({n % 3 for n in range(10)} == {0, 1, 2}, sorted({-n for n in range(4)}))
