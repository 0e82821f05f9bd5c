# gilvm's itertools module: `count`, `repeat`, `chain`, `islice`, `starmap`, `takewhile`,
# `dropwhile`, `permutations` and `combinations` step natively (`_count`... from itertools.rs)
# over the arguments checked here; the others are generators.


def _is_number(x):
    # CPython's `PyNumber_Check`.
    t = type(x)
    return isinstance(x, (int, float, complex)) or any(
        hasattr(t, name) for name in ("__index__", "__int__", "__float__", "__complex__")
    )


def count(start=0, step=1):
    if not (_is_number(start) and _is_number(step)):
        raise TypeError("a number is required")
    return _count(start, step)


def _cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    return _repeat(object, None if times is None else _ssize(times))


def _accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterables):
    return _chain(iterables)


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def _filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    s = slice(*args)
    start, stop, step = s.start, s.stop, s.step
    if stop is not None and (not isinstance(stop, int) or stop < 0):
        raise ValueError(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
    if start is not None and (not isinstance(start, int) or start < 0):
        raise ValueError(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
    if step is not None and (not isinstance(step, int) or step <= 0):
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start or 0, stop, step or 1)


class _TeeLink:
    # One value read from the shared iterator; `next` is the link after it (None: not read yet).
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = None
        self.next = None


class _tee:
    def __init__(self, iterator, link):
        self._it = iterator
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._it)
            node = _TeeLink()
            node.value = value
            link.next = node
        self._link = link.next
        return self._link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    if n == 0:
        return ()
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    return (first,) + tuple(first.__copy__() for _ in range(n - 1))


def _zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def _product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def _combinations_with_replacement(pool, indices):
    n = len(pool)
    r = len(indices)
    if not n and r:
        return
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def _pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class _Group:
    pass


def _groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    it = iter(iterable)
    state = _Group()
    state.done = False
    try:
        state.value = next(it)
    except StopIteration:
        return
    state.key = keyfunc(state.value)

    def group(target):
        while not state.done and state.key == target:
            yield state.value
            try:
                state.value = next(it)
            except StopIteration:
                state.done = True
                return
            state.key = keyfunc(state.value)

    while not state.done:
        target = state.key
        yield target, group(target)
        while not state.done and state.key == target:
            try:
                state.value = next(it)
            except StopIteration:
                state.done = True
                break
            state.key = keyfunc(state.value)


def cycle(iterable):
    return _cycle(iter(iterable))


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial=initial)


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest(*[iter(it) for it in iterables], fillvalue=fillvalue)


_MAXSIZE = 2 ** 63 - 1


def _ssize(n):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if not -_MAXSIZE - 1 <= n <= _MAXSIZE:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return n


def product(*iterables, repeat=1):
    repeat = _ssize(repeat)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    if repeat and len(iterables) > _MAXSIZE // 8 // repeat:
        raise OverflowError("repeat argument too large")
    return _product(*[tuple(pool) for pool in iterables], repeat=repeat)


def _check_r(r):
    if _ssize(r) < 0:
        raise ValueError("r must be non-negative")


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is not None:
        if not isinstance(r, int):
            raise TypeError("Expected int as r")
        _check_r(r)
    return _permutations(pool, r)


def combinations(iterable, r):
    pool = tuple(iterable)
    _check_r(r)
    return _combinations(pool, r)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    _check_r(r)
    # The indices are made before the walk starts, so a count too large for memory raises
    # here, as in CPython.
    return _combinations_with_replacement(pool, [0] * r)


def pairwise(iterable):
    return _pairwise(iter(iterable))


def groupby(iterable, key=None):
    return _groupby(iter(iterable), key)
