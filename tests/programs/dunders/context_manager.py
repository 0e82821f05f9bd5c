class Tag:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print(f"<{self.name}>")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"</{self.name}> exc={kind} msg={exc}")
        return self.swallow


with Tag("a") as value:
    print("inside", value)

with Tag("outer"), Tag("inner") as inner:
    print("nested", inner)

with Tag("quiet", swallow=True):
    raise ValueError("hidden")
print("after quiet")

try:
    with Tag("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


def early():
    with Tag("ret"):
        return "returned"


print(early())
for i in range(3):
    with Tag(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
