# A capture pattern before other cases makes them unreachable: CPython refuses the file.
def classify(value):
    match value:
        case [x, y]:
            return "pair"
        case other:
            return "other"
        case {"k": v}:
            return "mapping"


print(classify([1, 2]))
