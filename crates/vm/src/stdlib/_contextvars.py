# gilvm's _contextvars (PEP 567): Context, ContextVar, Token and copy_context, over the
# native _get_context/_set_context (each thread's current context, in its ThreadState).

import _thread

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()


def _current():
    ctx = _get_context()
    if ctx is None:
        ctx = Context()
        _set_context(ctx)
    return ctx


def copy_context():
    return _current().copy()


class Context:
    __slots__ = ('_data', '_prev', '_entered', '_lock')

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False
        self._lock = _thread.allocate_lock()

    def run(self, callable, /, *args, **kwargs):
        with self._lock:
            if self._entered:
                raise RuntimeError(f"cannot enter context: {self!r} is already entered")
            self._entered = True
        self._prev = _current()
        _set_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_context(self._prev)
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        _check_var(var)
        return self._data[var]

    def __contains__(self, var):
        _check_var(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def get(self, var, default=None, /):
        _check_var(var)
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None

    def __repr__(self):
        return "<_contextvars.Context object at %#x>" % id(self)


def _check_var(var):
    if not isinstance(var, ContextVar):
        raise TypeError(f"a ContextVar key was expected, got {var!r}")


class ContextVar:
    __slots__ = ('_name', '_default')

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING, /):
        data = _current()._data
        if self in data:
            return data[self]
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value, /):
        ctx = _current()
        old = ctx._data.get(self, Token.MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token, /):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        if token._old_value is Token.MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old_value

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        default = "" if self._default is _MISSING else " default=%r" % (self._default,)
        return "<ContextVar name=%r%s at %#x>" % (self._name, default, id(self))


class _TokenMissing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __slots__ = ('_ctx', '_var', '_old_value', '_used')

    MISSING = _TokenMissing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at %#x>" % (used, self._var, id(self))


for _cls in (Context, ContextVar, Token):
    _cls.__module__ = "_contextvars"
del _cls
