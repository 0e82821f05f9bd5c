def level3(data):
    return data["key"] * 2


def level2(data):
    return level3(data) + 1


def level1():
    records = [{"key": 1}, {"other": 2}]
    total = 0
    for r in records:
        total += level2(r)
        print("running total", total)
    return total


print("start")
level1()
print("never printed")
