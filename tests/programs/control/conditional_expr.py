def classify(n):
    return "negative" if n < 0 else "zero" if n == 0 else "positive"


print([classify(n) for n in (-2, 0, 5)])
x = 5
print("big" if x > 3 else "small", (lambda: "yes" if x else "no")())
print(1 if [] else 2, "a" if "b" else "c", None if 0 else 0)
a = [] or "default"
b = "value" or "default"
c = 0 and 1 / 0
d = 1 and "last"
print(repr(a), repr(b), repr(c), repr(d), None or 0 or "" or [], 3 and 0 and 5)
calls = []


def f(v):
    calls.append(v)
    return v


print(f(0) or f(1) or f(2), calls)
calls.clear()
print(f(1) and f(0) and f(2), calls)
print(not 0, not "x", not not [1], not None is None, (not None) is None)
if x > 10:
    print("no")
elif x > 4:
    print("elif branch")
elif x > 1:
    print("unreached")
else:
    print("no")
