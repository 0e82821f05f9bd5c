pairs = [("a", "b"), ("abc", "abd"), ("ab", "abc"), ("B", "a"), ("", "a"), ("Z", "z"), ("10", "9"), ("é", "z")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a > b)
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.lower))
print(max("hello"), min("hello"), max(["ab", "b", "abc"]), min(["ab", "b", "abc"], key=len))
print("abc" * 2, 2 * "ab", "a" * 0, "a" * -3 == "", "ab" + "cd")
print("a" < "b" < "c", "abc" == "a" + "bc", "x" != "X")
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
print(ord("a"), ord("A"), chr(97), chr(8364), ord("€"), [chr(c) for c in range(65, 70)])
