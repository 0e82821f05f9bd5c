# `importlib`: the import system's functions (the machinery itself is native:
# crates/vm/src/interp/import.rs).

import sys


def import_module(name, package=None):
    "Imports a module; `name` may be relative ('.sub') to `package`."
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    return _gcd_import(name[level:], package, level)


def invalidate_caches():
    "Finders keep no caches in gilvm (each import looks at the directories again)."


def reload(module):
    "Runs the module's source again in its own namespace."
    name = getattr(module, '__name__', None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules")
    _reload(module)
    return sys.modules[name]
