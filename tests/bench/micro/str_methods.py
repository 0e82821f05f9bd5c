# str and bytes methods (one generic implementation, objects/anystr): split, strip, find, count,
# replace, startswith, partition, rjust, isspace on a short text, 140k times each.
s = "  alpha beta,gamma delta  epsilon  "
b = b"  alpha beta,gamma delta  epsilon  "
n = 0
for i in range(140000):
    n += len(s.split()) + len(s.split(",")) + len(s.strip()) + s.find("delta") + s.count("a")
    n += len(s.replace("a", "xy")) + s.startswith("  al") + len(s.partition(",")[0]) + len(s.rjust(40)) + s.isspace()
    n += len(b.split()) + len(b.split(b",")) + len(b.strip()) + b.find(b"delta") + b.count(b"a")
    n += len(b.replace(b"a", b"xy")) + b.startswith(b"  al") + len(b.partition(b",")[0]) + len(b.rjust(40)) + b.isspace()
print(n)
