# sys.path is a list that imports use: entries added at run time are searched.
import os
import sys
import importlib

here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here, type(sys.path).__name__)
try:
    import plugin
except ModuleNotFoundError as e:
    print(e)
sys.path.append(os.path.join(here, "_extra"))
import plugin
print(plugin.NAME)

mod = importlib.import_module("_shop.prices")
print(mod.total(["pear"]), mod is sys.modules["_shop.prices"])
sub = importlib.import_module(".extra", "_shop.catalog")
print(sub.MORE, sub.__name__)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(e)
print(__import__("_shop.catalog").__name__, __import__("_shop.catalog", fromlist=["x"]).__name__)
print(__import__("os.path", fromlist=["join"]).join("a", "b"))
