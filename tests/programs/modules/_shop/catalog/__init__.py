from .items import ITEMS
