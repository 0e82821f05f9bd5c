class PriorityQueue:
    """A min-priority queue kept as a sorted list; ties keep insertion order."""

    def __init__(self):
        self._items = []
        self._counter = 0

    def push(self, priority, item):
        entry = (priority, self._counter, item)
        self._counter += 1
        lo, hi = 0, len(self._items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._items[mid] < entry:
                lo = mid + 1
            else:
                hi = mid
        self._items.insert(lo, entry)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty priority queue")
        priority, _, item = self._items.pop(0)
        return priority, item

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)


pq = PriorityQueue()
for prio, task in [(3, "write"), (1, "wake"), (2, "coffee"), (1, "stretch"), (5, "sleep"), (2, "read")]:
    pq.push(prio, task)
print(len(pq))
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print(type(e).__name__, e)


def dijkstra(graph, start):
    dist = {start: 0}
    queue = PriorityQueue()
    queue.push(0, start)
    while queue:
        d, node = queue.pop()
        if d > dist.get(node, float("inf")):
            continue
        for neighbour, weight in graph.get(node, []):
            nd = d + weight
            if nd < dist.get(neighbour, float("inf")):
                dist[neighbour] = nd
                queue.push(nd, neighbour)
    return dict(sorted(dist.items()))


graph = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("c", 10), ("d", 15)], "c": [("d", 11), ("f", 2)], "d": [("e", 6)], "f": [("e", 9)]}
print(dijkstra(graph, "a"))
