data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
values = iter(data)
total = 0
while (item := next(values, None)) is not None:
    total += item
print(total, item)
print([y for x in data if (y := x * 2) > 6], y)
print([(x, sq) for x in range(5) if (sq := x * x) % 2])


def first_big(items, limit):
    if any((hit := v) > limit for v in items):
        return hit
    return None


print(first_big(data, 5), first_big(data, 50))
text = "key: value"
if (idx := text.find(":")) != -1:
    print(text[:idx], "|", text[idx + 1:].strip())
print((z := 10), z + 1)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 2:
    print("popped", top)
print(stack, top)
