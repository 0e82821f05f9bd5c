xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs, len(xs), xs[2], xs[-1], xs[1:4], xs[::3], xs[::-2])
xs.append(5)
xs.extend([3, 5])
xs.insert(0, 0)
print(xs, xs.pop(), xs.pop(0), xs.index(9), xs.count(1))
xs.remove(1)
print(xs)
xs.sort()
print(xs, sorted(xs, reverse=True), sorted(["bb", "a", "ccc"], key=len))
xs.reverse()
print(xs, xs.copy() == xs, xs.copy() is xs)
xs[1:3] = ["a", "b", "c"]
print(xs)
del xs[0]
del xs[::2]
print(xs)
xs[0] = 99
print(xs, [1, 2] + [3], [0] * 3, [[1, 2], [3]], 2 in xs)
ys = [x * x for x in range(10) if x % 2 == 0]
print(ys, [(i, j) for i in range(3) for j in range(i)])
print(list("abc"), list(range(3)), list((1, 2)), [] == [], [1, 2] < [1, 3])
zs = []
zs.append(zs)
print(zs)
xs.clear()
print(xs)
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted("banana"))
words = ["bob", "alice", "Carol", "dave"]
print(sorted(words, key=str.lower), min(words, key=len), max(words, key=len))
