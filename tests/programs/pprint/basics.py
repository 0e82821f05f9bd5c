import pprint
import collections
data = {'name': 'gilvm', 'tags': ['vm', 'gil', 'python'] * 4, 'nested': {'a': list(range(30)), 'b': ('x' * 30, 'y' * 30, 'z' * 30)},
        'numbers': {i: i * i for i in range(12)}, 'set': {3, 1, 2}, 'fs': frozenset({1, 2}), 'empty': {}, 'text': 'word ' * 30}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=1)
pprint.pprint(data, compact=True, width=60)
pprint.pprint(data, sort_dicts=False, width=100)
print(pprint.pformat(list(range(40)), width=30))
print(pprint.pformat([[1, 2], [3, 4]], width=5))
pprint.pp({'z': 1, 'a': [1] * 40})
pp = pprint.PrettyPrinter(width=20)
pp.pprint(('a' * 10, 'b' * 10, ['c' * 8] * 3))
print(pp.pformat({'k': 'v' * 30}), pp.isreadable([1]), pp.isrecursive([1]))
l = [1, 2]
l.append(l)
print(pprint.pformat(l).replace(str(id(l)), "ID"))
print(pprint.saferepr(l).replace(str(id(l)), "ID"), pprint.isreadable(l), pprint.isrecursive(l), pprint.isreadable(object()))
print(pprint.saferepr({'b': 1, 'a': 2}))
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(15)))
pprint.pprint(collections.defaultdict(list, {'k' * 20: [1] * 20, 'j': []}))
pprint.pprint(collections.Counter('abracadabra' * 5), width=30)
pprint.pprint(collections.deque(range(30)), width=40)
pprint.pprint(b'bytes' * 20)
pprint.pprint('a long string with several words in it ' * 3, width=30)
class D(dict):
    pass
class R(dict):
    def __repr__(self):
        return 'R()'
pprint.pprint(D({i: 'x' * i for i in range(10)}))
pprint.pprint(R({i: 'x' * i for i in range(10)}))
pprint.pprint([(i, str(i) * 5) for i in range(12)], compact=True)
pprint.pprint({'a': {'b': {'c': {'d': 1}}}}, depth=2)
pprint.pprint(1_000_000, underscore_numbers=True)
pprint.pprint({(1, 2): None, (0, 5): 'x', 'str': 3, 2.5: 1}, width=20)
