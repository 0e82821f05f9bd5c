# gilvm's copy module: shallow and deep copy (copy, deepcopy with a memo, __copy__,
# __deepcopy__, __reduce_ex__/__reduce__, __getstate__/__setstate__), copy.Error.


class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy"]


def _function():
    pass


_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len), type(_function),
           type(Ellipsis), type(NotImplemented), property)
_immutable = _atomic + (tuple, frozenset, slice)
del _function


def _cls_attr(cls, name):
    return getattr(cls, name, None)


def copy(x):
    cls = type(x)
    if cls in _immutable:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    copier = _cls_attr(cls, "__copy__")
    if copier is not None:
        return x.__copy__()
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x, cls):
    # The reduce protocol pickle uses: object.__reduce_ex__ (copyreg's defaults) unless
    # the class has its own.
    if isinstance(x, type):
        return x
    reductor = _cls_attr(cls, "__reduce_ex__")
    if reductor is not None:
        return x.__reduce_ex__(4)
    return x.__reduce__()


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = _cls_attr(cls, "__deepcopy__")
        if copier is not None:
            y = x.__deepcopy__(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    return type(x)(deepcopy(list(x), memo))


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_set
_deepcopy_dispatch[bytearray] = _deepcopy_bytearray
_deepcopy_dispatch[slice] = _deepcopy_atomic


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

