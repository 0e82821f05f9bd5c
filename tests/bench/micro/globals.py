# Module globals and builtins read from a function (LOAD_GLOBAL), and a global rebound.
LIMIT = 7
SCALE = 3
counter = 0


def step(i):
    global counter
    counter += 1
    return (i % LIMIT) * SCALE + len(NAMES)


NAMES = ("a", "b", "c")


def run(n):
    total = 0
    for i in range(n):
        total += step(i) + LIMIT + abs(SCALE)
    return total, counter


print(run(2_500_000))
