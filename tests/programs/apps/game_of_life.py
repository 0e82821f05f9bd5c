def parse(picture):
    return {(r, c) for r, line in enumerate(picture.strip().splitlines()) for c, ch in enumerate(line) if ch == "#"}


def neighbours(cell):
    r, c = cell
    return [(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0)]


def step(live, rows, cols):
    counts = {}
    for cell in live:
        for n in neighbours(cell):
            if 0 <= n[0] < rows and 0 <= n[1] < cols:
                counts[n] = counts.get(n, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def render(live, rows, cols):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(cols)) for r in range(rows))


glider = parse("""
.#....
..#...
###...
......
......
......
""")
rows = cols = 6
state = glider
for generation in range(5):
    print(f"generation {generation} ({len(state)} alive)")
    print(render(state, rows, cols))
    state = step(state, rows, cols)

blinker = parse("...\n###\n...")
print(render(step(blinker, 3, 3), 3, 3))
print(step(step(blinker, 3, 3), 3, 3) == blinker, sorted(step(blinker, 3, 3)))
