# A relative import in a script (no parent package).
from . import anything
