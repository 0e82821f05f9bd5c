from .. import prices
from ..prices import PRICES
from . import extra
ITEMS = sorted(PRICES) + extra.MORE
print("items", __name__, __package__, prices.__name__)
