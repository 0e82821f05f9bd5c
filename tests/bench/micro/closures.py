# Closures: cell reads and writes (nonlocal), and closures made in a loop and called.
def make_counter():
    count = 0

    def bump(by):
        nonlocal count
        count += by
        return count

    return bump


def make_adder(k):
    def add(x):
        return x + k

    return add


def run(n):
    bump = make_counter()
    total = 0
    for i in range(n):
        total += bump(1)
        total += make_adder(i)(1)
    return total


print(run(1_400_000))
