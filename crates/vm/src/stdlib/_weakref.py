# _weakref's classes live in weakref.py, which is written over this module's native half: they
# are looked up there on first use (PEP 562), since weakref imports _weakref first.

_CLASSES = ("ref", "proxy", "ReferenceType", "ProxyType", "CallableProxyType")


def __getattr__(name):
    if name in _CLASSES:
        import weakref
        return getattr(weakref, name)
    raise AttributeError(f"module '_weakref' has no attribute '{name}'")
