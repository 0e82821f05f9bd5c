d = {"a": 1}
keys = ["b", 2, (1, 2), "", None, "it's", 1.5]
for k in keys:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), "|", str(e), "|", e.args)

try:
    raise KeyError()
except KeyError as e:
    print(repr(e), "|", str(e), "|")
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(repr(e), "|", str(e))
try:
    {}.pop("p")
except KeyError as e:
    print("pop:", repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("popitem:", repr(e))
try:
    set().pop()
except KeyError as e:
    print("set pop:", repr(e))
try:
    {1}.remove(2)
except KeyError as e:
    print("set remove:", repr(e))
print(repr(ValueError("x")), str(ValueError("x")), str(IndexError()), repr(IndexError()))
