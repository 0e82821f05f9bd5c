# String building by formatting: f-strings with conversions and specs, str(i), %.
def run(n):
    total = 0
    for i in range(n):
        s = f"item {i}: {i * 2:>6} {i / 3:.2f} {'x'!r}"
        t = "%d-%s" % (i, "y")
        total += len(s) + len(t) + len(str(i))
    return total


print(run(300_000))
