class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in reversed(list(values)):
            self.push_front(v)

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

    def __getitem__(self, index):
        if index < 0:
            index += self.size
        for i, value in enumerate(self):
            if i == index:
                return value
        raise IndexError("linked list index out of range")

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

    def remove(self, value):
        link = self
        attr = "head"
        while getattr(link, attr) is not None:
            node = getattr(link, attr)
            if node.value == value:
                setattr(link, attr, node.next)
                self.size -= 1
                return
            link, attr = node, "next"
        raise ValueError(f"{value!r} not in list")


ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), ll[0], ll[-1], 3 in ll, list(ll))
ll.reverse()
ll.remove(4)
ll.remove(2)
print(ll, len(ll), sum(ll))
for bad in [lambda: ll.remove(99), lambda: ll[5]]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(LinkedList(), len(LinkedList("abc")), LinkedList("abc"))
