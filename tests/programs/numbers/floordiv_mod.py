pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3)]
for a, b in pairs:
    print(f"{a:3} {b:3} | // {a // b:3} % {a % b:3} | divmod {divmod(a, b)} | / {a / b:.4f}")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (5.0, 0.5), (-0.0, 1), (1e16, 3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10, 11 % -10, -1.0 % 10, 0.0 % -1, -0.0 % 1)
print(int(-7 / 2), -7 // 2, round(-7 / 2), int(7 / 2), 7 // 2)
print(True // 1, True % 2, 10 // True, 3 % True)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    for op in ("//", "%", "divmod"):
        try:
            if op == "//":
                a // b
            elif op == "%":
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(op, a, b, "->", e)
