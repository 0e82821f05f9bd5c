for w in ["a", "abc", "abcdef"]:
    print(f"[{w.center(7)}] [{w.center(7, '*')}] [{w.ljust(5, '.')}] [{w.rjust(5)}]")
print("ab".center(5, "-"), "abc".center(6, "-"), "ab".center(6, "-"), "x".center(0))
for n in ["42", "-42", "+7", "abc", "", "123456"]:
    print(repr(n.zfill(5)))
print("%5s|%-5s|%05d|%.2s" % ("ab", "ab", 42, "abcdef"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("x".ljust(3) + "|", "x".rjust(-1) + "|")
