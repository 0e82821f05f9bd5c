TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""

STOP = {"the", "of", "it", "was"}


def words(text):
    cleaned = "".join(c.lower() if c.isalpha() else " " for c in text)
    return cleaned.split()


counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("total words:", sum(counts.values()), "distinct:", len(counts))
for word, n in ranked[:6]:
    print(f"{word:<12}{n:>3} {'#' * n}")
interesting = [(w, n) for w, n in ranked if w not in STOP]
print(interesting[:5])
by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
longest = max(counts, key=lambda w: (len(w), w))
print("longest:", longest, "| first letters:", "".join(sorted({w[0] for w in counts})))
lines = TEXT.splitlines()
print([len(words(line)) for line in lines], max(lines, key=len)[:20])
