for v in [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), (1,), {}, {1: 2}, None, True, False]:
    print(repr(v), bool(v), not v)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", [] and "x")
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0, "a" != "b")
x = 5
print(0 < x <= 5, 0 < x < 5, x is x, x is not None, None is None)
print(1 in [1, 2], 3 not in [1, 2], "ab" in "cabd", "z" in "abc")
