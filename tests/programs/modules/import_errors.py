# What import raises, and the attributes of the exceptions.
import sys

try:
    import _no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))

try:
    import _shop.nothing_here
except ModuleNotFoundError as e:
    print(e, "|", e.name)

try:
    import _shop.prices.deeper
except ModuleNotFoundError as e:
    print(e, "|", e.name)

try:
    from _shop import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], "|", e.name)

try:
    from _shop.prices import nope
except ImportError as e:
    print(str(e).split(" (")[0], e.name, e.path.endswith("prices.py"))

try:
    import _loop_a
except ImportError as e:
    print(str(e).split(" (")[0].replace("(most likely", "[most likely"))
print("_loop_a" in sys.modules, "_loop_b" in sys.modules)

import _half_a
print(_half_a.DONE, sys.modules["_half_b"].SEEN)

e = ImportError("plain")
print(e.name, e.path, e.msg if hasattr(e, "msg") else "-")
