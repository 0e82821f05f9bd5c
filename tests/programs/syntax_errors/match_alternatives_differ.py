# The alternatives of an or-pattern must bind the same names.
print("never printed")
match [1, 2]:
    case [a, b] | [a, *c]:
        pass
