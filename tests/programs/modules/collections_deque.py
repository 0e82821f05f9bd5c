from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, list(d), 7 in d, d.count(7))
d.remove(7)
d.reverse()
print(d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen, list(bounded))
bounded.appendleft("L")
print(bounded)
empty = deque()
try:
    empty.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    empty.popleft()
except IndexError as e:
    print(type(e).__name__, e)
queue = deque(["task1", "task2"])
while queue:
    task = queue.popleft()
    print("run", task)
    if task == "task1":
        queue.append("task3")
print(deque("abc") == deque(["a", "b", "c"]), bool(deque()))
