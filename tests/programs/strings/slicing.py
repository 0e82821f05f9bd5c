s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[-2::-2], s[8:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:-100:-1], s[::100])
print(s[0], s[-1], s[len(s) - 1])
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
sl = slice(1, 8, 3)
print(s[sl], sl.start, sl.stop, sl.step, slice(5), s[slice(None, None, -3)])
print(sl.indices(5), slice(-3, None).indices(10))
print("".join(reversed(s)) == s[::-1], s[2:5] + s[:2] + s[5:])
