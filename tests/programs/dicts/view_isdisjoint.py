# dict_keys and dict_items are set-like: isdisjoint takes any iterable.
d = {1: 'a', 2: 'b'}
print(d.keys().isdisjoint([3, 4]), d.keys().isdisjoint(iter([2])), d.keys().isdisjoint({}))
print(d.items().isdisjoint([(1, 'a')]), d.items().isdisjoint([(1, 'z')]))
print({}.keys().isdisjoint(range(3)), hasattr(d.values(), 'isdisjoint'))
for bad in (lambda: d.keys().isdisjoint(5), lambda: d.items().isdisjoint()):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
