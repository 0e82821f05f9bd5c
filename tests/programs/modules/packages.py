# Packages: __init__.py, submodules, subpackages, relative imports, __path__/__package__.
import sys

import _shop
import _shop.catalog
from _shop._util import fmt
from _shop._util.fmt import money as m

print(_shop.total(["apple", "pear"]), _shop.TAX)
print(_shop.catalog.ITEMS, _shop.catalog.items.__package__)
print(fmt.money(3), m(4.5), fmt.__name__, fmt.__package__)
print(_shop.prices is sys.modules["_shop.prices"], "_shop.catalog.extra" in sys.modules)
print(_shop.__file__.endswith("__init__.py"), _shop.prices.__file__.endswith("prices.py"))
print(_shop.__path__[0].endswith("_shop"), hasattr(_shop.prices, "__path__"))
print(__name__, __package__)

# Importing again finds the module in sys.modules: the body does not run twice.
import _shop.prices
import _shop as again
print(again is _shop)

import _shop.catalog.items as items
print(items.__name__)
