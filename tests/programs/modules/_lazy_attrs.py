# A module with a PEP 562 __getattr__ for the program module_getattr.py.
value = 1


def __getattr__(name):
    if name == "computed":
        return "computed on demand"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
