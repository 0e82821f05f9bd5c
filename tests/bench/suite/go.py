"""Go: a small Monte-Carlo tree search (UCT) player on a 7x7 board. Each simulation descends the
tree by UCB1, expands a move, finishes the game with random legal moves (no suicide, simple ko,
never filling its own eye) and scores it by area with komi. Written for gilvm's benchmark
suite; `--small` runs a short version for the correctness test."""

import math
import random
import sys

SMALL = "--small" in sys.argv[1:]

SIZE = 7
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 4.5

NEIGHBOURS = []
for _pos in range(SIZE * SIZE):
    _r, _c = divmod(_pos, SIZE)
    NEIGHBOURS.append([(_r + dr) * SIZE + _c + dc for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                       if 0 <= _r + dr < SIZE and 0 <= _c + dc < SIZE])


def opponent(colour):
    return WHITE if colour == BLACK else BLACK


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.to_move = BLACK
        self.ko = PASS
        self.passes = 0
        self.moves = 0

    def copy(self):
        other = Board()
        other.cells = self.cells[:]
        other.to_move = self.to_move
        other.ko = self.ko
        other.passes = self.passes
        other.moves = self.moves
        return other

    def group(self, pos):
        """The stones of the group at pos and the number of its liberties."""
        cells = self.cells
        colour = cells[pos]
        stones = [pos]
        seen = {pos}
        liberties = set()
        i = 0
        while i < len(stones):
            for n in NEIGHBOURS[stones[i]]:
                c = cells[n]
                if c == EMPTY:
                    liberties.add(n)
                elif c == colour and n not in seen:
                    seen.add(n)
                    stones.append(n)
            i += 1
        return stones, len(liberties)

    def is_own_eye(self, pos, colour):
        for n in NEIGHBOURS[pos]:
            if self.cells[n] != colour:
                return False
        return True

    def legal(self, pos):
        cells = self.cells
        if pos == PASS:
            return True
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        colour = self.to_move
        for n in NEIGHBOURS[pos]:
            c = cells[n]
            if c == EMPTY:
                return True
            _, liberties = self.group(n)
            if c == colour and liberties > 1:
                return True
            if c != colour and liberties == 1:
                return True
        return False

    def play(self, pos):
        self.moves += 1
        colour = self.to_move
        self.to_move = opponent(colour)
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            return
        self.passes = 0
        cells = self.cells
        cells[pos] = colour
        captured = []
        for n in NEIGHBOURS[pos]:
            if cells[n] == self.to_move:
                stones, liberties = self.group(n)
                if liberties == 0:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        self.ko = PASS
        if len(captured) == 1:
            stones, liberties = self.group(pos)
            if len(stones) == 1 and liberties == 1:
                self.ko = captured[0]

    def random_move(self, rng):
        colour = self.to_move
        candidates = [p for p in range(SIZE * SIZE) if self.cells[p] == EMPTY]
        while candidates:
            i = rng.randrange(len(candidates))
            pos = candidates[i]
            if self.legal(pos) and not self.is_own_eye(pos, colour):
                return pos
            candidates[i] = candidates[-1]
            candidates.pop()
        return PASS

    def legal_moves(self):
        colour = self.to_move
        return [p for p in range(SIZE * SIZE)
                if self.cells[p] == EMPTY and self.legal(p) and not self.is_own_eye(p, colour)]

    def score(self):
        """Black's area score minus White's, komi included."""
        cells = self.cells
        total = -KOMI
        seen = set()
        for pos in range(SIZE * SIZE):
            c = cells[pos]
            if c == BLACK:
                total += 1
            elif c == WHITE:
                total -= 1
            elif pos not in seen:
                region = [pos]
                seen.add(pos)
                borders = set()
                i = 0
                while i < len(region):
                    for n in NEIGHBOURS[region[i]]:
                        if cells[n] == EMPTY:
                            if n not in seen:
                                seen.add(n)
                                region.append(n)
                        else:
                            borders.add(cells[n])
                    i += 1
                if borders == {BLACK}:
                    total += len(region)
                elif borders == {WHITE}:
                    total -= len(region)
        return total


class Node:
    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.children = []
        self.untried = board.legal_moves() or [PASS]
        self.wins = 0.0
        self.visits = 0
        self.player = opponent(board.to_move)  # who made `move`

    def select(self):
        log_visits = math.log(self.visits)
        best, best_value = None, -1.0
        for child in self.children:
            value = child.wins / child.visits + 1.2 * math.sqrt(log_visits / child.visits)
            if value > best_value:
                best, best_value = child, value
        return best


def simulate(root, board, rng):
    node = root
    while not node.untried and node.children:
        node = node.select()
        board.play(node.move)
    if node.untried:
        i = rng.randrange(len(node.untried))
        move = node.untried[i]
        node.untried[i] = node.untried[-1]
        node.untried.pop()
        board.play(move)
        child = Node(move, node, board)
        node.children.append(child)
        node = child
    while board.passes < 2 and board.moves < 200:
        board.play(board.random_move(rng))
    black_wins = board.score() > 0
    while node is not None:
        node.visits += 1
        if (node.player == BLACK) == black_wins:
            node.wins += 1
        node = node.parent


def best_move(board, simulations, rng):
    root = Node(PASS, None, board)
    for _ in range(simulations):
        simulate(root, board.copy(), rng)
    best = max(root.children, key=lambda c: (c.visits, -c.move))
    return best.move, best.visits, int(best.wins)


def main():
    rng = random.Random(2026)
    board = Board()
    moves = 1 if SMALL else 2
    simulations = 6 if SMALL else 75
    played = []
    for _ in range(moves):
        move, visits, wins = best_move(board, simulations, rng)
        board.play(move)
        played.append((move, visits, wins))
    print("go: moves", played, "score now", board.score())


main()
