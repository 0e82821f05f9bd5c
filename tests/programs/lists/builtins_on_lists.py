nums = [4, 8, 15, 16, 23, 42]
print(len(nums), sum(nums), min(nums), max(nums), sum(nums) / len(nums))
print(list(reversed(nums)), sorted(nums, reverse=True), nums[::-1] == list(reversed(nums)))
print(any(n > 40 for n in nums), all(n % 2 == 0 for n in nums), 15 in nums, 16 not in nums)
print(list(enumerate(nums[:3])), list(zip(nums, nums[1:])))
print(list(map(str, nums)), list(filter(lambda n: n % 2, nums)))
print([nums.index(n) for n in (4, 42)], nums.count(8), nums * 0)
it = iter(nums)
print(next(it), next(it), list(it))
stack = []
for ch in "(a[b]{c})":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        print("close", ch, "matches", stack.pop())
print("stack empty:", not stack)
queue = [1, 2, 3]
queue.append(queue.pop(0))
print(queue)
