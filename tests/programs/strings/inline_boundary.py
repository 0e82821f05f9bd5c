# Strs around the size where their text stops fitting inside the object (46 bytes of UTF-8):
# building, growing, cutting, hashing and comparing across it, with multi-byte characters
# and lone surrogates at the edge.

def show(label, s):
    print(label, len(s), len(s.encode("utf-8", "surrogatepass")), ascii(s[-3:]))


for n in (44, 45, 46, 47, 48, 92, 93):
    s = "x" * n
    show("repeat", s)
    t = "".join(["x"] * n)
    print(" equal", s == t, hash(s) == hash(t), {s: 1}[t])

# A 2-, 3- and 4-byte character straddling the inline limit.
for ch in ("\u00e9", "\u20ac", "\U0001f600"):
    for pad in range(42, 48):
        s = "a" * pad + ch
        show("edge", s)
        print(" back", s[:pad] == "a" * pad, s[pad] == ch, s.find(ch), s.encode()[-4:])

# `+=` growing one str past the limit, with a second reference keeping an old value alive.
s = ""
kept = []
for i in range(30):
    s += str(i)
    if i % 7 == 0:
        kept.append(s)
show("grown", s)
print([len(k) for k in kept], kept[1][-4:], s.startswith(kept[-1]))

# Slices from a long str back to short ones, and the long str rebuilt from them.
long = "".join(chr(0x3b1 + i % 20) for i in range(60))
parts = [long[i:i + 7] for i in range(0, 60, 7)]
print(len(parts), "".join(parts) == long, hash("".join(parts)) == hash(long))
print(sorted(set(parts))[:3] == sorted(parts)[:3], max(parts) > min(parts))

# Lone surrogates in short and long strs.
lone = "\udc80"
for pad in (0, 44, 45, 46):
    s = "b" * pad + lone
    print("lone", len(s), s == "b" * pad + "\udc80", s != "b" * pad + "\ufffd",
          ascii(s[-2:]), s.encode("utf-8", "surrogateescape")[-2:])

# f-strings and formatting results on both sides of the limit.
for w in (40, 46, 50):
    f = f"{'q':>{w}}|{12345:>6}"
    print(len(f), f[-8:], f == " " * (w - 1) + "q|" + " 12345")
print(str(-(2 ** 63)), len(str(2 ** 150)), "%s-%d" % ("z" * 44, 7))
