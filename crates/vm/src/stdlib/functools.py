# gilvm's functools module: reduce, partial, wraps, lru_cache, cache, total_ordering,
# cmp_to_key.

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=("__dict__",)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=("__dict__",)):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class _CacheInfo(tuple):
    def __repr__(self):
        return "CacheInfo(hits=%d, misses=%d, maxsize=%r, currsize=%d)" % tuple(self)


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize):
        return _lru_wrapper(maxsize, 128)

    def decorating(user_function):
        return _lru_wrapper(user_function, maxsize)

    return decorating


def cache(user_function):
    return _lru_wrapper(user_function, None)


def _lru_wrapper(user_function, maxsize):
    results = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = args
        if kwds:
            key = args + (_kwd_mark,) + tuple(kwds.items())
        if key in results:
            stats[0] += 1
            value = results.pop(key)
            results[key] = value
            return value
        stats[1] += 1
        value = user_function(*args, **kwds)
        results[key] = value
        if maxsize is not None and len(results) > maxsize:
            del results[next(iter(results))]
        return value

    def cache_info():
        return _CacheInfo((stats[0], stats[1], maxsize, len(results)))

    def cache_clear():
        results.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return update_wrapper(wrapper, user_function)


_kwd_mark = object()


def total_ordering(cls):
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    derived = {
        "__lt__": {
            "__gt__": lambda a, b: not (a < b) and a != b,
            "__le__": lambda a, b: a < b or a == b,
            "__ge__": lambda a, b: not (a < b),
        },
        "__le__": {
            "__ge__": lambda a, b: not (a <= b) or a == b,
            "__lt__": lambda a, b: a <= b and a != b,
            "__gt__": lambda a, b: not (a <= b),
        },
        "__gt__": {
            "__lt__": lambda a, b: not (a > b) and a != b,
            "__ge__": lambda a, b: a > b or a == b,
            "__le__": lambda a, b: not (a > b),
        },
        "__ge__": {
            "__le__": lambda a, b: not (a >= b) or a == b,
            "__gt__": lambda a, b: a >= b and a != b,
            "__lt__": lambda a, b: not (a >= b),
        },
    }
    for name, function in derived[root].items():
        if name not in defined:
            setattr(cls, name, function)
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

    return K
