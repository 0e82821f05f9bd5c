# CPython's `_random`: the generator class whose methods are the native Mersenne Twister of
# `_random.rs` (stored in this namespace by its `init`).


class Random:
    """Random() -> create a random number generator with its own internal state."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _new_state(self)
        return self

    def __init__(self, *args, **kwargs):
        if kwargs and (type(self) is Random or type(self).__init__ is Random.__init__):
            raise TypeError("Random() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError("Random() requires 0 or 1 argument")
        _seed(self, *args)

    seed = _seed
    random = _random
    getrandbits = _getrandbits
    getstate = _getstate
    setstate = _setstate
