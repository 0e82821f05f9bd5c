# The eval loop's quick call paths: positional calls that fill missing parameters from
# defaults, builtin functions and unbound builtin methods called straight off the stack.
# Each is checked against what the general binding path (keywords, *args) gives.


def pair(a, b=10, c=[]):
    c.append(a)
    return a, b, len(c)


print(pair(1))
print(pair(2, 3))
print(pair(3, 4, []))
print(pair(4))  # the shared default list keeps growing
print(pair(*[5]))
print(pair(a=6))


def all_defaults(x=1, y=2):
    return x * 10 + y


print(all_defaults(), all_defaults(5), all_defaults(5, 6))


def needs_two(a, b, c=3):
    return a + b + c


for args in [(), (1,), (1, 2, 3, 4)]:
    try:
        needs_two(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    needs_two()
except TypeError as e:
    print("TypeError:", e)
try:
    needs_two(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __init__(self, v, scale=2):
        self.v = v * scale

    def get(self, plus=0):
        return self.v + plus


b = Box(4)
print(b.v, b.get(), b.get(1), Box(1, 3).get())
method = b.get
print(method(), method(5))

# Builtins and unbound methods of built-in types called directly.
print(abs(-5), abs(5), abs(0), abs(-(2**63)), abs(-2.5), abs(True), abs(-(2**70)))
print(str.upper("abc"), list.__len__([1, 2]), dict.get({"k": 1}, "k"))
items = []
append = items.append
for i in range(3):
    items.append(i)
    append(i * 10)
print(items)
for call in [lambda: abs(), lambda: abs(1, 2), lambda: len()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# A recursion through the quick path still stops at the recursion limit.
def down(n, step=1):
    return down(n - step)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
