"""Sudoku: a constraint-search solver (the stand-in for pyperformance's hexiom, another
constraint-propagation puzzle solver). Candidates per square are kept as strings in a dict;
assigning a digit eliminates it from the square's peers, with the two classic propagation rules
(a square with one candidate left; a unit with one place left for a digit), and search tries the
square with the fewest candidates first. Written for gilvm's benchmark suite; `--small` solves
fewer puzzles for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = cross(ROWS, COLS)
UNITS_LIST = ([cross(ROWS, c) for c in COLS] + [cross(r, COLS) for r in ROWS] +
              [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS = {s: [u for u in UNITS_LIST if s in u] for s in SQUARES}
# Sorted lists, not sets: set order of str depends on the per-process hash seed.
PEERS = {s: sorted(set(x for u in UNITS[s] for x in u) - {s}) for s in SQUARES}


class Stats:
    assignments = 0
    searches = 0


def parse(grid):
    values = {s: DIGITS for s in SQUARES}
    for s, d in zip(SQUARES, grid):
        if d in DIGITS and not assign(values, s, d):
            return None
    return values


def assign(values, s, d):
    Stats.assignments += 1
    others = values[s].replace(d, "")
    for d2 in others:
        if not eliminate(values, s, d2):
            return None
    return values


def eliminate(values, s, d):
    if d not in values[s]:
        return values
    values[s] = values[s].replace(d, "")
    remaining = values[s]
    if len(remaining) == 0:
        return None
    if len(remaining) == 1:
        d2 = remaining
        for s2 in PEERS[s]:
            if not eliminate(values, s2, d2):
                return None
    for unit in UNITS[s]:
        places = [sq for sq in unit if d in values[sq]]
        if len(places) == 0:
            return None
        if len(places) == 1 and not assign(values, places[0], d):
            return None
    return values


def search(values):
    if values is None:
        return None
    Stats.searches += 1
    if all(len(values[s]) == 1 for s in SQUARES):
        return values
    n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        result = search(assign(dict(values), s, d))
        if result is not None:
            return result
    return None


def valid(values):
    return all(sorted(values[s] for s in unit) == list(DIGITS) for unit in UNITS_LIST)


PUZZLES = [
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "52...6.........7.13...........4..8..6......5...........418.........3..2...87.....",
    "6.....8.3.4.7.................5.4.7.3..2.....1.6.......2.....5.....8.6......1....",
    "48.3............71.2.......7.5....6....2..8.............1.76...3.....4......5....",
    "....14....3....2...7..........9...3.6.1.............8.2.....1.4....5.6.....7.8...",
    "......52..8.4......3...9...5.1...6..2..7........3.....6...1..........7.4.......3.",
    "6.2.5.........3.4..........43...8....1....2........7..5..27...........81...6.....",
    ".524.........7.1..............8.2...3.....6...9.5.....1.6.3...........897........",
    "6.2.5.........4.3..........43...8....1....2........7..5..27...........81...6.....",
    ".923.........8.1...........1.7.4...........658.........6.5.2...4.....7.....9.....",
]


def main():
    puzzles = PUZZLES[:1] if SMALL else PUZZLES * 3
    checksum = 0
    for grid in puzzles:
        solution = search(parse(grid))
        if solution is None or not valid(solution):
            print("no solution for", grid)
            continue
        text = "".join(solution[s] for s in SQUARES)
        checksum = (checksum * 131 + int(text)) % 1000000007
        print(text)
    print("sudoku: %d puzzles, %d assignments, %d searches, checksum %d" % (
        len(puzzles), Stats.assignments, Stats.searches, checksum))


main()
