# CPython's `_collections`: `deque` and its iterators, whose methods are the native ring
# buffer of `_collections.rs` (stored in this namespace by its `init`); what is not on a hot
# path (comparisons, copying, pickling) is written here over them.


class deque:
    """deque([iterable[, maxlen]]) --> deque object

A list-like sequence optimized for data accesses near its endpoints."""

    # The native state is the one slot: a deque has no `__dict__`, its subclasses do.
    __slots__ = ("_deque_state", "__weakref__")

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _deque_new(self)
        return self

    __init__ = _deque_init
    maxlen = property(_deque_maxlen, doc="maximum size of a deque or None if unbounded")
    append = _deque_append
    appendleft = _deque_appendleft
    pop = _deque_pop
    popleft = _deque_popleft
    extend = _deque_extend
    extendleft = _deque_extendleft
    rotate = _deque_rotate
    clear = _deque_clear
    reverse = _deque_reverse
    count = _deque_count
    index = _deque_index
    insert = _deque_insert
    remove = _deque_remove
    __len__ = _deque_len
    __contains__ = _deque_contains
    __getitem__ = _deque_getitem
    __setitem__ = _deque_setitem
    __delitem__ = _deque_delitem
    __imul__ = _deque_imul
    __repr__ = _deque_repr
    __hash__ = None

    def __iter__(self):
        return _deque_iterator(self)

    def __reversed__(self):
        return _deque_reverse_iterator(self)

    def __iadd__(self, other):
        _deque_extend(self, other)
        return self

    def copy(self):
        """Return a shallow copy of a deque."""
        cls = type(self)
        if cls is deque:
            return deque(self, self.maxlen)
        if self.maxlen is None:
            return cls(self)
        return cls(self, self.maxlen)

    __copy__ = copy

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                'can only concatenate deque (not "' + type(other).__name__ + '") to deque'
            )
        new = deque.copy(self)
        _deque_extend(new, other)
        return new

    def __mul__(self, n):
        return _deque_imul(deque.copy(self), n)

    __rmul__ = __mul__

    def __reduce__(self):
        state = getattr(self, "__dict__", None) or None
        maxlen = self.maxlen
        args = () if maxlen is None else ((), maxlen)
        return type(self), args, state, iter(self)

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) == _deque_copy_items(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) != _deque_copy_items(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) < _deque_copy_items(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) <= _deque_copy_items(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) > _deque_copy_items(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return _deque_copy_items(self) >= _deque_copy_items(other)

    @classmethod
    def __class_getitem__(cls, item):
        from types import GenericAlias

        return GenericAlias(cls, item)


deque.__module__ = "collections"


class _deque_iterator:
    __slots__ = ("_deque_state",)

    # CPython's takes the deque and how many items to skip; it ignores keyword arguments.
    def __new__(cls, deque, *index, **ignored):
        it = object.__new__(cls)
        _deque_iter_new(it, deque, index[0] if index else 0, False)
        return it

    def __iter__(self):
        return self

    __next__ = _deque_iter_next
    __length_hint__ = _deque_iter_length_hint


class _deque_reverse_iterator(_deque_iterator):
    def __new__(cls, deque, *index, **ignored):
        it = object.__new__(cls)
        _deque_iter_new(it, deque, index[0] if index else 0, True)
        return it
