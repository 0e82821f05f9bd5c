def documented(a, b=2, *args, c, **kw):
    """Adds things up.

    More text here.
    """
    local = a + b
    return local


print(documented.__name__, documented.__qualname__)
print(repr(documented.__doc__.splitlines()[0]))
print(documented.__code__.co_argcount, documented.__code__.co_name)
print(documented.__defaults__, documented.__kwdefaults__, documented.__module__)


def undocumented():
    pass


print(undocumented.__doc__, undocumented())
documented.custom = "attached"
print(documented.custom, sorted(k for k in vars(documented)))


class K:
    def method(self):
        def inner():
            pass
        return inner


print(K.method.__qualname__, K().method().__qualname__)
print(type(documented).__name__, type(K().method).__name__, type(len).__name__)
print(callable(documented), documented == documented, documented != undocumented)
