import warnings


def inside():
    # Attributed to this module, not __main__: ignored by the default filters.
    warnings.warn("hidden deprecation", DeprecationWarning)


def to_caller():
    warnings.warn("caller's deprecation", DeprecationWarning, stacklevel=2)
