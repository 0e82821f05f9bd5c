x = "global x"
squares = [x * 2 for x in range(3)]
print(squares, x)

i = 100
print([i for i in range(3)], i)
total = sum(j for j in range(4))
try:
    print(j)
except NameError as e:
    print(type(e).__name__, e)


def outer():
    factor = 3
    return [n * factor for n in range(3)]


print(outer())


class Holder:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        scale = 10
        scaled = [v * scale for v in values]
    except NameError as e:
        scaled = f"{type(e).__name__}: {e}"


print(Holder.doubled, Holder.scaled)

funcs = [lambda: k for k in range(3)]
print([f() for f in funcs])
print([(lambda y: y + 1)(z) for z in range(3)])
result = [w for w in (w * 2 for w in range(3))]
print(result)
if (n := len(result)) > 2:
    print("walrus in if:", n)
print([last := v for v in range(4)], last)
