print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name} is {age}".format(name="ann", age=5))
print("{0[0]} {0[1]} {1[key]} {2.real}".format([1, 2], {"key": "v"}, 3))
print("{:>8}|{:<8}|{:^8}|{:*<6}".format("r", "l", "c", "f"))
print("{:d} {:5d} {:<5d}| {:+d} {:,d}".format(1, 2, 3, 4, 10**6))
print("{:.3f} {:8.2f} {:e} {:.2%} {:g}".format(3.14159, 2.5, 12345.678, 0.256, 0.00001))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{{literal}} {}".format("x"), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{0:#x} {0:#o} {0:#b} {0:c}".format(65))
print(format(3.5, ".1f"), format("s", "^5"), format(42), format(True), format(None))
for bad in ["{", "{0} {}", "{1}", "{x}", "{:d}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, IndexError, KeyError) as e:
        print(bad, "->", type(e).__name__, e)
