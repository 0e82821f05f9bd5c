s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 9), s.find("dog"))
print(s.index("the"), s.rindex("the"), s.find(""), s.rfind(""), s.find("", 100))
print(s.find("t", -5), s.rfind("t", 0, 5), s.count("at"), s.count("t"), s.count(""))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "abc".count("abc", 1))
for call in [lambda: s.index("dog"), lambda: s.rindex("x"), lambda: s.index("cat", 10)]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
print("cat" in s, "dog" not in s, "" in s, s.startswith("the"), s.endswith("mat"))
print(s.startswith(("a", "t")), s.endswith(("x", "y")), s.startswith("cat", 4), s.endswith("sat", 0, 11))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
