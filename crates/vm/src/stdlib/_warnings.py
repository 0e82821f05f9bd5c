# CPython's C accelerator of `warnings`; in gilvm, the pure-Python implementation's names.
from warnings import (filters, defaultaction as _defaultaction,
                      onceregistry as _onceregistry, warn, warn_explicit,
                      _filters_mutated)
