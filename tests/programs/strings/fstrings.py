name = "gil"
n = 42
pi = 3.14159265
print(f"{name} {n} {pi}")
print(f"{n:5d}|{n:<5}|{n:>5}|{n:^7}|{n:05}|{n:x}|{n:b}|{n:,}")
print(f"{pi:.3f} {pi:10.2f} {pi:e} {1234567.891:,.2f} {0.25:%}")
print(f"{name!r} {name:>8} {name:*^9}")
print(f"{n=} {pi=:.2f}")
print(f"{'nested'} {[1, 2][0]} {n * 2} {{literal}}")
width = 6
print(f"{n:{width}}|")
print(f"{'a' if n > 10 else 'b'}")
print(f"""{
    n + 1
}""")
