x = 1
s = "abc
print(s)
