# A module's __getattr__ answers for missing names (PEP 562); a module's AttributeError names it
# by its __name__, and leaves the name out when __name__ is gone or not a str.
import sys

sys.path.insert(0, "tests/programs/modules")
import _lazy_attrs

print(_lazy_attrs.value, _lazy_attrs.computed, getattr(_lazy_attrs, "missing", "default"))
try:
    _lazy_attrs.other
except AttributeError as e:
    print(e)

import _geometry
try:
    _geometry.unknown
except AttributeError as e:
    print(e)
del _geometry.__name__
try:
    _geometry.unknown
except AttributeError as e:
    print(e)
_geometry.__name__ = 1
try:
    _geometry.unknown
except AttributeError as e:
    print(e)

import __hello__
print(__hello__.initialized)
__hello__.main()
