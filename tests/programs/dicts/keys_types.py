d = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", frozenset([1]): "frozen"}
for k, v in d.items():
    print(repr(k), v)
d[1.0] = "float one"
d[True] = "bool"
print(d[1], len(d), list(d)[0])
print({0: "a", False: "b", 0.0: "c"})
nested = {(1, (2, 3)): "deep"}
print(nested[(1, (2, 3))])
try:
    d[[1]] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[{}]
except TypeError as e:
    print(type(e).__name__, e)
print(repr({"quote'": 'dq"', "nl\n": None}))
print({}, {1: {}}, {"a": [1, {"b": ()}]})
