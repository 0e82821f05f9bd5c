# enumerate's start: any int (beyond 64 bits too), an __index__ object, not a float or str.
print(list(enumerate("abc", 2**200)))
print(list(enumerate("ab", -2**64)))
print(list(enumerate("ab", 2**63 - 1)))
print(list(enumerate("ab", True)))


class Five:
    def __index__(self):
        return 5


print(list(enumerate("ab", start=Five())))
for bad in [1.5, "1", None]:
    try:
        enumerate("ab", bad)
    except TypeError as e:
        print("TypeError", e)
