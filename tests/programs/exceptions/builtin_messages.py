cases = [
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: "abc"[10],
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: int("12a"),
    lambda: float("x"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] * "x",
    lambda: None.attr,
    lambda: (5).real.missing,
    lambda: undefined_name,
    lambda: [].pop(),
    lambda: [1].index(9),
    lambda: "abc".index("z"),
    lambda: {}["k"],
    lambda: len(None),
    lambda: abs("x"),
    lambda: sorted([1, "a"]),
    lambda: chr(-1),
    lambda: int(None),
    lambda: "x" * -1 + None,
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
