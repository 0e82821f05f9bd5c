# weakref: references that do not keep their object alive. The native half (_weakref) keeps
# each object's weakrefs in the interpreter's heap and empties them when the object dies; the
# callbacks then run at the interpreter's next safe point.
import _weakref
from _weakref import getweakrefcount, getweakrefs

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


class ReferenceType:
    def __new__(cls, ob, callback=None, *args, **kwargs):
        if callback is None and cls is ReferenceType:
            for r in getweakrefs(ob):
                if type(r) is ReferenceType and r.__callback__ is None:
                    return r
        self = object.__new__(cls)
        self._h = _weakref._register(ob, self)
        self._callback = callback
        return self

    @property
    def __callback__(self):
        # Read-only, and None once the referent is gone (its callback has had its turn).
        return None if self() is None else self._callback

    def __init__(self, ob, callback=None, *args, **kwargs):
        pass

    def __call__(self):
        return _weakref._get(self._h)

    def __hash__(self):
        h = self.__dict__.get("_hash")
        if h is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            h = self._hash = hash(ob)
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __repr__(self):
        ob = self()
        if ob is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))


ref = ReferenceType


def _deref(p):
    ob = object.__getattribute__(p, "_ref")()
    if ob is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return ob


class ProxyType:
    def __init__(self, ob, callback=None):
        cb = None
        if callback is not None:
            me = ref(self)

            def cb(_r, callback=callback, me=me):
                p = me()
                if p is not None:
                    callback(p)
        object.__setattr__(self, "_ref", ref(ob, cb))

    def __getattr__(self, name):
        return getattr(_deref(self), name)

    def __setattr__(self, name, value):
        setattr(_deref(self), name, value)

    def __delattr__(self, name):
        delattr(_deref(self), name)

    def __repr__(self):
        ob = object.__getattribute__(self, "_ref")()
        name = type(ob).__name__ if ob is not None else "NoneType"
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), name, id(ob))

    def __str__(self):
        return str(_deref(self))

    def __bool__(self):
        return bool(_deref(self))

    def __len__(self):
        return len(_deref(self))

    def __iter__(self):
        return iter(_deref(self))

    def __contains__(self, item):
        return item in _deref(self)

    def __getitem__(self, key):
        return _deref(self)[key]

    def __setitem__(self, key, value):
        _deref(self)[key] = value

    def __eq__(self, other):
        return _deref(self) == other

    def __lt__(self, other):
        return _deref(self) < other

    def __add__(self, other):
        return _deref(self) + other

    __hash__ = None


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return _deref(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(ob, callback=None):
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


class WeakMethod(ReferenceType):
    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ReferenceType.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        # Functions have no __get__ here: the method is looked up again on the object.
        meth = getattr(obj, func.__name__, None)
        if getattr(meth, "__func__", None) is func:
            return meth
        return lambda *args, **kwargs: func(obj, *args, **kwargs)


class KeyedRef(ReferenceType):
    def __new__(cls, ob, callback, key):
        self = ReferenceType.__new__(cls, ob, callback)
        self.key = key
        return self


class WeakValueDictionary:
    """Mapping whose values are weakly referenced: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        selfref = ref(self)

        def remove(wr, selfref=selfref):
            self = selfref()
            if self is not None and self.data.get(wr.key) is wr:
                del self.data[wr.key]

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    keys = __iter__

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def values(self):
        for _, v in self.items():
            yield v

    def valuerefs(self):
        return list(self.data.values())

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakKeyDictionary:
    """Mapping whose keys are weakly referenced: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    keys = __iter__

    def items(self):
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                yield o, v

    def values(self):
        for _, v in self.items():
            yield v

    def keyrefs(self):
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kw):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return WeakKeyDictionary(dict(self.items()))

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakSet:
    """A set whose members are weakly referenced: a member goes when it dies."""

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = _remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def clear(self):
        self.data.clear()

    def pop(self):
        while True:
            wr = self.data.pop()
            o = wr()
            if o is not None:
                return o

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return WeakSet(self)

    def __repr__(self):
        return repr(self.data)


class finalize:
    """Calls func(*args, **kwargs) when obj dies (or when called), at most once."""

    _registry = {}
    _index = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        finalize._index += 1
        self._key = finalize._index
        self._wr = ref(obj, self)
        # The registry keeps the finalizer alive until it ran or was detached.
        finalize._registry[self._key] = (func, args, kwargs or {}, self)

    def __call__(self, _=None):
        info = finalize._registry.pop(self._key, None)
        if info is not None:
            func, args, kwargs, _ = info
            return func(*args, **kwargs)

    def detach(self):
        info = finalize._registry.pop(self._key, None)
        obj = self._wr()
        if info is not None and obj is not None:
            return (obj, info[0], info[1], info[2])

    def peek(self):
        info = finalize._registry.get(self._key)
        obj = self._wr()
        if info is not None and obj is not None:
            return (obj, info[0], info[1], info[2])

    @property
    def alive(self):
        return self._key in finalize._registry

    def __repr__(self):
        obj = self._wr()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))
