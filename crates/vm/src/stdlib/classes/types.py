"""Names for built-in types, and the classes behind `list[int]` and `int | None`."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = None  # defined below
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


AsyncGeneratorType = type(_ag())
del _f, _g, _C, _c, _ag

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType:
        co_flags = func.__code__.co_flags
        if co_flags & 0x180:
            return func
        if co_flags & 0x20:
            import functools

            @functools.wraps(func)
            def iterable_coroutine(*args, **kwargs):
                return _iterable_coroutine(func(*args, **kwargs))
            return iterable_coroutine

    import functools
    import _collections_abc

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is CoroutineType or coro.__class__ is GeneratorType:
            return _iterable_coroutine(coro) if coro.__class__ is GeneratorType else coro
        if (isinstance(coro, _collections_abc.Generator) and
                not isinstance(coro, _collections_abc.Coroutine)):
            return _GeneratorWrapper(coro)
        return coro
    return wrapped


class _GeneratorWrapper:
    """A generator made awaitable by `coroutine` (one not of gilvm's generator type)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self

    __await__ = __iter__


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    return repr(obj)


class GenericAlias:
    """`list[int]`: a built-in class with type arguments."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        params = []
        for a in args:
            for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
            if type(a).__name__ == 'TypeVar' and a not in params:
                params.append(a)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        if len(self.__args__) == 0:
            args = '()'
        else:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{args}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return UnionType(self, other)

    def __ror__(self, other):
        return UnionType(other, self)

    def __getitem__(self, item):
        if not isinstance(item, tuple):
            item = (item,)
        subst = dict(zip(self.__parameters__, item))
        return GenericAlias(self.__origin__, tuple(subst.get(a, a) for a in self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class UnionType:
    """`int | None`."""

    def __init__(self, left, right):
        args = []
        for side in (left, right):
            items = side.__args__ if isinstance(side, UnionType) else (side,)
            for a in items:
                if a is None:
                    a = NoneType
                if a not in args:
                    args.append(a)
        self.__args__ = tuple(args)
        self.__parameters__ = ()

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a) for a in self.__args__)

    def __or__(self, other):
        return UnionType(self, other)

    def __ror__(self, other):
        return UnionType(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = (f'{k}={v!r}' for k, v in self.__dict__.items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


class MappingProxyType:
    """A read-only view of a mapping."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__'):
            raise TypeError(
                f'mappingproxy() argument must be a mapping, not {type(mapping).__name__}')
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __or__(self, other):
        return dict(self._mapping) | other




def resolve_bases(bases):
    out = []
    for base in bases:
        if isinstance(base, type) or not hasattr(base, '__mro_entries__'):
            out.append(base)
        else:
            out.extend(base.__mro_entries__(bases))
    return tuple(out)


def prepare_class(name, bases=(), kwds=None):
    kwds = dict(kwds) if kwds is not None else {}
    meta = kwds.pop('metaclass', None)
    if meta is None:
        meta = type(bases[0]) if bases else type
    for base in bases:
        bm = type(base)
        if issubclass(bm, meta):
            meta = bm
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases and tuple(resolved) != tuple(bases):
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)


DynamicClassAttribute = property


def _never_instantiated(name):
    """A descriptor type CPython exposes that gilvm's objects are never instances of (slot
    members are properties here); like CPython's, it cannot be instantiated."""

    class Descriptor:
        def __new__(cls, *args, **kwargs):
            raise TypeError(f"cannot create '{name}' instances")

    Descriptor.__name__ = Descriptor.__qualname__ = name
    Descriptor.__module__ = 'builtins'
    return Descriptor


# As CPython's: the type of a getset descriptor of `type`, and of the member descriptor
# that type has.
GetSetDescriptorType = type(type.__dict__['__dict__'])
MemberDescriptorType = type(GetSetDescriptorType.__dict__['__objclass__'])
WrapperDescriptorType = _never_instantiated('wrapper_descriptor')
MethodWrapperType = _never_instantiated('method-wrapper')
MethodDescriptorType = _never_instantiated('method_descriptor')
ClassMethodDescriptorType = _never_instantiated('classmethod_descriptor')
