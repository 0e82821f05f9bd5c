items = [3, 1, 4]
items.append(1)
items.extend([5, 9])
items.extend("ab")
items.insert(0, "first")
items.insert(100, "end")
items.insert(-1, "before-end")
print(items)
print(items.pop(), items.pop(0), items.pop(-2), items)
items.remove(1)
print(items, items.index(1), items.index(5, 2), items.count(1), items.count("zz"))
copy = items.copy()
copy.clear()
print(copy, len(items))
nums = [5, 2, 8, 1]
nums.reverse()
print(nums, nums.sort(), nums)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: [1].index(1, 1)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 1}), [0] * 3, [[1]] * 2)
print(len([]), len([[]]), [1, 2] + [3], 2 * [1, 2], [] * 5)
a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
