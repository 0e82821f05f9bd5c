# An import statement calls the builtins' __import__, which a script may replace.
import builtins

original = builtins.__import__
seen = []


def traced(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level, globals is not None and "__name__" in globals))
    if name == "fake":
        return len(name)
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = traced
try:
    import fake
    import math
    from os import path as p
    import os.path
finally:
    builtins.__import__ = original
print(fake, math.floor(2.5), p is os.path)
for entry in seen:
    print(entry)

del builtins.__import__
try:
    import json
except ImportError as e:
    print(type(e).__name__, e)
finally:
    builtins.__import__ = original
import json

print(json.dumps([1]))
