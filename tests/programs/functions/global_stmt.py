counter = 0
names = []


def bump():
    global counter
    counter += 1
    return counter


def remember(name):
    names.append(name)


def create_global():
    global created
    created = "made inside function"


bump()
bump()
remember("a")
print(counter, names)
create_global()
print(created)


def shadow():
    counter = 100
    return counter


print(shadow(), counter)


def reads_global():
    return counter * 2


print(reads_global())


def delete_global():
    global created
    del created


delete_global()
try:
    print(created)
except NameError as e:
    print(type(e).__name__, e)
print("counter" in globals(), "shadow" in globals(), globals()["counter"])
