s = "  alpha  beta gamma   delta "
print(s.split())
print(s.split(" "))
print(s.split(None, 2), s.split(maxsplit=1))
print(s.rsplit(None, 2), s.rsplit(maxsplit=1))
csv = "a,b,,c,"
print(csv.split(","), csv.split(",", 2), csv.rsplit(",", 2), csv.split(",", 0))
print("a--b--c".split("--"), "abc".split("abc"), "".split(","), "".split())
print("x".join(["1", "2", "3"]), "".join([]), ", ".join("abc"), "-".join(map(str, range(4))))
print("::".join(("one",)), " ".join(w.capitalize() for w in "the end".split()))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("1 2\t3\n4\x0b5".split(), "a b".split(" ", -1))
