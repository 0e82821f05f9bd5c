"""Word count: generates English-like text from a fixed-seed generator (no input files), splits
it into words, counts them in a dict, counts word pairs, and prints the most common ones
(dict-heavy: lookups, inserts, `get`, sorting items). Written for gilvm's benchmark suite;
`--small` runs a short version for the correctness test."""

import sys

SMALL = "--small" in sys.argv[1:]

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "an", "el", "or", "us", "be", "di", "fu", "ga"]


class Generator:
    """A linear congruential generator (the constants of Numerical Recipes), 32-bit state."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.state >> 8) % bound


def make_vocabulary(rng, size):
    words = []
    seen = set()
    while len(words) < size:
        word = "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(1 + rng.next(3)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_text(rng, vocabulary, lines, words_per_line):
    out = []
    n = len(vocabulary)
    for _ in range(lines):
        line = []
        for _ in range(words_per_line):
            # Skewed towards the start of the vocabulary, like real word frequencies.
            line.append(vocabulary[rng.next(1 + rng.next(n))])
        if rng.next(4) == 0:
            line[0] = line[0].capitalize()
        out.append(" ".join(line) + ".")
    return "\n".join(out)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.lower().rstrip(".").split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def count_pairs(text):
    pairs = {}
    for line in text.splitlines():
        words = line.lower().rstrip(".").split()
        for a, b in zip(words, words[1:]):
            key = a + " " + b
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
    return pairs


def top(counts, k):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def main():
    lines = 200 if SMALL else 8000
    rng = Generator(12345)
    vocabulary = make_vocabulary(rng, 300 if SMALL else 2000)
    text = make_text(rng, vocabulary, lines, 12)
    counts = count_words(text)
    pairs = count_pairs(text)
    by_length = {}
    for word, n in counts.items():
        by_length[len(word)] = by_length.get(len(word), 0) + n
    print("wordcount: %d words, %d distinct, %d distinct pairs" % (sum(counts.values()), len(counts), len(pairs)))
    print("top words:", top(counts, 5))
    print("top pairs:", top(pairs, 3))
    print("by length:", sorted(by_length.items()))


main()
