# print of a str with a surrogate that utf-8 cannot take: CPython's UnicodeEncodeError.
print("before")
print("x", "\ud800", "y")
