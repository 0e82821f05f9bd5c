"""A package: its __init__ runs first, relative imports reach its submodules."""
print("init", __name__, __package__, len(__path__))
from . import prices
from .prices import total
TAX = 0.2
