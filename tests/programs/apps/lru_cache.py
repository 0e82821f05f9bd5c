class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0

    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print(f"  evict {oldest}")
            del self.data[oldest]
        self.data[key] = value


cache = LRUCache(3)
for k in "abc":
    cache.put(k, k.upper())
print(cache.get("a"), list(cache.data))
cache.put("d", "D")
print(cache.get("b"), list(cache.data))
cache.put("c", "C2")
cache.put("e", "E")
print(list(cache.data.items()), cache.hits, cache.misses)


def memoize(capacity):
    def decorate(fn):
        store = LRUCache(capacity)

        def wrapper(n):
            found = store.get(n)
            if found is None:
                found = fn(n)
                store.put(n, found)
            return found

        wrapper.store = store
        return wrapper

    return decorate


@memoize(100)
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80), slow_fib.store.hits, slow_fib.store.misses, len(slow_fib.store.data))
