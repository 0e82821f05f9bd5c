def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return f"averaged {count} values"


avg = averager()
print(next(avg))
for v in [10, 20, 60]:
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("finished:", e.value)


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo closing with", received)


g = echo()
print(g.send(None), g.send("a"), g.send("b"))
g.close()
g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
