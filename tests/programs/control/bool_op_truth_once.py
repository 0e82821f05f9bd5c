# An operand of nested `and`/`or` is asked for its truth once (CPython threads the jumps).
class B:
    def __init__(self, v, name): self.v, self.name = v, name
    def __bool__(self):
        print("bool", self.name); return self.v
    def __repr__(self): return self.name
print((B(False, "a") and B(True, "b")) or B(True, "c"))
print((B(True, "a") or B(True, "b")) and B(False, "c"))
print((B(True, "a") and (B(True, "b") or B(False, "c"))) or B(True, "d"))
print(((B(False, "a") and B(True, "b")) and B(True, "c")) or B(False, "d"))
x = B(False, "x") or (B(False, "y") or B(True, "z"))
print(x)
if (B(False, "p") and B(True, "q")) or B(True, "r"):
    print("if taken")
print([v for v in range(3) if (v and B(True, "w")) or v == 0])
