# List, dict and set comprehensions, with a filter and a nested loop.
def run(n):
    total = 0
    data = list(range(100))
    for _ in range(n):
        squares = [x * x for x in data if x & 1]
        index = {x: x + 1 for x in data[:20]}
        seen = {x % 7 for x in data[:30]}
        pairs = [a + b for a in data[:5] for b in data[:5]]
        total += len(squares) + len(index) + len(seen) + pairs[-1]
    return total


print(run(50_000))
