people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_name_len = sorted(["ccc", "a", "bb", "aaa", "b", "cc"], key=len)
print(by_name_len)
print(sorted(["ccc", "a", "bb", "aaa", "b", "cc"], key=len, reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted("Hello World"), sorted([]), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}))
words = ["banana", "Apple", "cherry"]
words.sort(key=str.lower)
print(words)
print(sorted([[2, 1], [1, 2], [1, 1, 1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([0.5, 1, -2, True, False]), sorted(["b", "a"], key=None))
stable = sorted(range(10), key=lambda n: n % 3)
print(stable)
