# _ctypes: the C data types, over the native memory, loader and foreign-call functions
# (`ctypes/memory.rs`, `dl.rs`, `call.rs`). Every ctypes object is an address (`_b_addr_`)
# and a size: memory it owns is a bytearray that a memoryview (`_b_keep_`) exports for the
# object's life, so its address never changes; objects made from an address point wherever
# Python code says. Each type knows its size (`_size_`), alignment (`_align_`) and how libffi
# sees it (`_spec_`: a `struct` letter, `P` a pointer, `{...}` a structure's fields).

import struct as _struct
import sys as _sys

__version__ = "1.1.0"

FUNCFLAG_CDECL = 1
FUNCFLAG_HRESULT = 2
FUNCFLAG_PYTHONAPI = 4
FUNCFLAG_USE_LASTERROR = 16

_POINTER_SIZE = _struct.calcsize("P")
_ADDRESS_MASK = (1 << (8 * _POINTER_SIZE)) - 1
_WCHAR_SIZE = 4


class ArgumentError(Exception):
    pass


ArgumentError.__module__ = "ctypes"


def _caller_module(depth, default):
    """The module of the code that asked for a new type (CPython's `__module__` for it), or
    `default` where gilvm's frames do not reach it (a metaclass operator's caller)."""
    try:
        return _sys._getframe(depth).f_globals.get("__name__", default)
    except ValueError:
        return default


# ---------------------------------------------------------------- memory and keeping alive


def _new_memory(size):
    """A fresh zeroed buffer: its keeping view and its address."""
    buffer = bytearray(max(size, 1))
    view = memoryview(buffer)
    return view, _buffer_address(buffer)


def _at(cls, address, base=None, keep=None):
    """An instance of `cls` over memory it does not own."""
    self = object.__new__(cls)
    self._b_addr_ = address & _ADDRESS_MASK
    self._b_keep_ = keep
    self._b_base_ = base
    self._b_needsfree_ = 0
    self._objects = None
    return self


def _keep(owner, key, value):
    """Keeps `value` alive as long as `owner`'s outermost object (what C points at)."""
    if value is None:
        return
    root = owner
    while root._b_base_ is not None:
        root = root._b_base_
    if root._objects is None:
        root._objects = {}
    root._objects["%x:%s" % (owner._b_addr_, key)] = value


def _bytes_of(obj):
    return _read(obj._b_addr_, _instance_size(obj))


def _instance_size(obj):
    return obj.__dict__.get("_b_size_", type(obj)._size_)


def _c_string_buffer(data):
    """A NUL-terminated copy of `data`: (keeping view, address)."""
    view, address = _new_memory(len(data) + 1)
    _write(address, data)
    return view, address


# CPython's bytes are NUL-terminated in place, so C code may keep a pointer into a bytes
# argument after the call (strtol's end pointer). Here a bytes argument is copied: the copies
# of the last `_RECENT_BYTES` bytes objects passed stay alive, with their bytes objects.
_RECENT_BYTES = 256
_bytes_arguments = {}


def _bytes_argument(data):
    """A NUL-terminated copy of a bytes argument: (keeping view, address)."""
    key = id(data)
    found = _bytes_arguments.get(key)
    if found is not None and found[0] is data:
        return found[1], found[2]
    view, address = _c_string_buffer(data)
    if len(_bytes_arguments) >= _RECENT_BYTES:
        del _bytes_arguments[next(iter(_bytes_arguments))]
    _bytes_arguments[key] = (data, view, address)
    return view, address


def _wide_bytes(text):
    """`text` as `wchar_t`s (UTF-32 in the machine's byte order)."""
    return _struct.pack("%dI" % len(text), *map(ord, text))


def _c_wstring_buffer(text):
    data = _wide_bytes(text)
    view, address = _new_memory(len(data) + _WCHAR_SIZE)
    _write(address, data)
    return view, address


def _load_pointer(address):
    return int.from_bytes(_read(address, _POINTER_SIZE), _sys.byteorder)


def _store_pointer(address, value):
    _write(address, (value & _ADDRESS_MASK).to_bytes(_POINTER_SIZE, _sys.byteorder))


def _wide_text(address, count):
    data = _read(address, count * _WCHAR_SIZE)
    return "".join(map(chr, _struct.unpack("%dI" % count, data)))


# ---------------------------------------------------------------- scalar values

_INT_CODES = "bBhHiIlLqQ"
_SIMPLE_CODES = "cbBhHiIlLdfuzZqQPXOv?g"
# The object a `py_object` slot names, by its id: what C memory cannot hold.
_py_objects = {}


def _int_format(code, order):
    if not order:
        return code
    size = _struct.calcsize(code)
    standard = {1: "b", 2: "h", 4: "i", 8: "q"}[size]
    return order + (standard if code.islower() else standard.upper())


def _load(code, address, order=""):
    """The Python value of the C scalar `code` at `address`."""
    if code in _INT_CODES or code in "fd":
        fmt = _int_format(code, order) if code in _INT_CODES else (order or "") + code
        return _struct.unpack(fmt, _read(address, _struct.calcsize(fmt)))[0]
    if code == "c":
        return _read(address, 1)
    if code == "?":
        return _read(address, 1) != b"\0"
    if code == "P":
        return _load_pointer(address) or None
    if code == "z":
        pointer = _load_pointer(address)
        return _read(pointer, _strlen(pointer)) if pointer else None
    if code == "Z":
        pointer = _load_pointer(address)
        return _wide_text(pointer, _wcslen(pointer)) if pointer else None
    if code == "u":
        return _wide_text(address, 1)
    if code == "O":
        key = _load_pointer(address)
        if key not in _py_objects:
            raise ValueError("PyObject is NULL")
        return _py_objects[key]
    if code == "g":
        return _load_long_double(_read(address, 16))
    raise TypeError("type '%s' not supported" % code)


def _as_int(value):
    if isinstance(value, int):
        return value
    if hasattr(type(value), "__index__"):
        return value.__index__()
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)


def _as_float(value):
    if isinstance(value, (int, float)) or hasattr(value, "__float__"):
        return float(value)
    raise TypeError("must be real number, not %s" % type(value).__name__)


def _wrap(value, code):
    """An int reduced to the C type's width, as C's conversion does."""
    bits = 8 * _struct.calcsize(code)
    value &= (1 << bits) - 1
    if code.islower() and value >> (bits - 1):
        value -= 1 << bits
    return value


def _store(code, address, value, order=""):
    """Writes the C scalar `code` at `address`; gives what must stay alive for it."""
    if code in _INT_CODES:
        fmt = _int_format(code, order)
        _write(address, _struct.pack(fmt, _wrap(_as_int(value), code)))
        return None
    if code in "fd":
        _write(address, _struct.pack((order or "") + code, _as_float(value)))
        return None
    if code == "c":
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            _write(address, bytes(value))
        elif isinstance(value, int) and 0 <= value < 256:
            _write(address, bytes([value]))
        else:
            raise TypeError("one character bytes, bytearray or integer expected")
        return None
    if code == "?":
        _write(address, b"\1" if value else b"\0")
        return None
    if code == "P":
        if value is None:
            _store_pointer(address, 0)
        elif isinstance(value, int):
            _store_pointer(address, value)
        else:
            raise TypeError("cannot be converted to pointer")
        return None
    if code == "z":
        return _store_string(address, value, bytes, _bytes_argument,
                             "bytes or integer address expected instead of %s instance")
    if code == "Z":
        return _store_string(address, value, str, _c_wstring_buffer,
                             "unicode string or integer address expected instead of %s instance")
    if code == "u":
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("one character unicode string expected")
        _write(address, _struct.pack("I", ord(value)))
        return None
    if code == "O":
        _py_objects[id(value)] = value
        _store_pointer(address, id(value))
        return value
    if code == "g":
        _write(address, _store_long_double(_as_float(value)))
        return None
    raise TypeError("type '%s' not supported" % code)


def _store_string(address, value, kind, make_buffer, message):
    if value is None:
        _store_pointer(address, 0)
        return None
    if isinstance(value, int):
        _store_pointer(address, value)
        return None
    if not isinstance(value, kind):
        raise TypeError(message % type(value).__name__)
    view, pointer = make_buffer(value)
    _store_pointer(address, pointer)
    return view


def _load_long_double(data):
    """An x87 80-bit extended float's value, rounded to a float."""
    import math
    mantissa = int.from_bytes(data[:8], "little")
    sign_exponent = int.from_bytes(data[8:10], "little")
    sign = -1.0 if sign_exponent >> 15 else 1.0
    exponent = sign_exponent & 0x7FFF
    if exponent == 0x7FFF:
        return sign * math.inf if mantissa << 1 == 0 else math.nan
    if exponent == 0 and mantissa == 0:
        return sign * 0.0
    return sign * math.ldexp(float(mantissa), exponent - 16383 - 63)


def _store_long_double(value):
    import math
    sign = 0x8000 if math.copysign(1.0, value) < 0 else 0
    if math.isnan(value):
        return (0xC000000000000000).to_bytes(8, "little") + (0x7FFF).to_bytes(2, "little") + bytes(6)
    if math.isinf(value):
        return (1 << 63).to_bytes(8, "little") + (sign | 0x7FFF).to_bytes(2, "little") + bytes(6)
    if value == 0:
        return bytes(8) + sign.to_bytes(2, "little") + bytes(6)
    fraction, exponent = math.frexp(abs(value))
    mantissa = int(fraction * (1 << 64))
    return mantissa.to_bytes(8, "little") + (sign | (exponent - 1 + 16383)).to_bytes(2, "little") + bytes(6)


# ---------------------------------------------------------------- the common base


class _CDataMeta(type):
    """What every ctypes metaclass shares: arrays by `*`, the `from_*` constructors."""

    def __mul__(cls, length):
        if not isinstance(length, int):
            return NotImplemented
        return _array_type(cls, length)

    __rmul__ = __mul__

    def from_address(cls, address):
        return _at(cls, address)

    def from_buffer(cls, obj, offset=0):
        size = cls._size_
        if isinstance(obj, _CData):
            available = _instance_size(obj)
            address, keep = obj._b_addr_, obj
        elif isinstance(obj, bytearray):
            keep = memoryview(obj)
            available, address = len(obj), _buffer_address(obj)
        elif isinstance(obj, (bytes, memoryview)) or hasattr(obj, "__buffer__"):
            raise TypeError("underlying buffer is not writable")
        else:
            raise TypeError("a bytes-like object is required, not '%s'" % type(obj).__name__)
        if offset < 0:
            raise ValueError("offset cannot be negative")
        if available < size + offset:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                             % (available, size + offset))
        result = _at(cls, address + offset, keep=keep)
        result._objects = {"ffffffff": keep}
        return result

    def from_buffer_copy(cls, data, offset=0):
        data = bytes(memoryview(data))
        size = cls._size_
        if offset < 0:
            raise ValueError("offset cannot be negative")
        if len(data) < size + offset:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)"
                             % (len(data), size + offset))
        result = object.__new__(cls)
        _own_memory(result, size)
        _write(result._b_addr_, data[offset:offset + size])
        return result

    def in_dll(cls, dll, name):
        try:
            address = dlsym(dll._handle, name)
        except OSError as e:
            raise ValueError(str(e)) from None
        return _at(cls, address)

    def from_param(cls, value):
        if isinstance(value, cls):
            return value
        if isinstance(value, CArgObject) and isinstance(value._obj, cls):
            return value
        parameter = getattr(value, "_as_parameter_", None)
        if parameter is not None:
            return cls.from_param(parameter)
        raise TypeError("expected %s instance instead of %s" % (cls.__name__, type(value).__name__))


def _own_memory(self, size):
    self._b_keep_, self._b_addr_ = _new_memory(size)
    self._b_base_ = None
    self._b_needsfree_ = 1
    self._objects = None


class _CData:
    def __new__(cls, *args, **kwargs):
        if not hasattr(cls, "_size_"):
            raise TypeError("abstract class")
        self = object.__new__(cls)
        _own_memory(self, cls._size_)
        return self

    def __ctypes_from_outparam__(self):
        return self

    def __bytes__(self):
        # CPython's bytes(obj) reads the object's buffer; gilvm's buffer protocol is the
        # built-in types' only, so this method stands in for it.
        return _bytes_of(self)

    def __reduce__(self):
        if _has_pointers(type(self)):
            raise ValueError("ctypes objects containing pointers cannot be pickled")
        own = {k: v for k, v in self.__dict__.items() if not k.startswith("_b_") and k != "_objects"}
        return _unpickle, (type(self), (own, _bytes_of(self)))

    def __setstate__(self, attributes, data):
        self.__dict__.update(attributes)
        _write(self._b_addr_, data[:_instance_size(self)])


def _unpickle(cls, state):
    obj = cls.__new__(cls)
    obj.__setstate__(*state)
    return obj


def _has_pointers(cls):
    """Whether a `cls` holds addresses (which mean nothing in another process)."""
    if isinstance(cls, (PyCPointerType, PyCFuncPtrType)):
        return True
    if isinstance(cls, PyCSimpleType):
        return cls._type_ in "zZPO"
    if isinstance(cls, PyCArrayType):
        return _has_pointers(cls._type_)
    return any(_has_pointers(getattr(cls, name)._ctype) for name in cls._field_names_)


def _is_ctype(cls):
    return isinstance(cls, _CDataMeta) and hasattr(cls, "_size_")


def _returns_value(cls):
    """Whether reading a `cls` gives a Python value (a fundamental simple type's) rather than
    an object sharing the memory."""
    return isinstance(cls, PyCSimpleType) and cls.__bases__[0] is _SimpleCData


def _read_item(cls, address, owner):
    if _returns_value(cls):
        return _load(cls._type_, address, cls._order_)
    return _at(cls, address, base=owner)


def _write_item(cls, address, value, owner, key):
    """Stores `value` as a `cls` at `address`, inside `owner`."""
    if isinstance(value, cls) and isinstance(value, _CData):
        _write(address, _bytes_of(value))
        _keep(owner, key, value._objects if value._objects is not None else value)
        return
    if isinstance(cls, PyCSimpleType):
        _keep(owner, key, _store(cls._type_, address, value, cls._order_))
        return
    if isinstance(cls, PyCPointerType):
        if isinstance(value, _CData) and _pointer_compatible(cls, value):
            _store_pointer(address, _pointer_target(value))
            _keep(owner, key, value)
            return
        raise TypeError("incompatible types, %s instance instead of %s instance"
                        % (type(value).__name__, cls.__name__))
    if isinstance(value, tuple):
        _write_item(cls, address, cls(*value), owner, key)
        return
    raise TypeError("expected %s instance, got %s" % (cls.__name__, type(value).__name__))


# ---------------------------------------------------------------- simple types


def _swapped_type(cls, order):
    """`cls` with the other byte order: what `__ctype_be__`/`__ctype_le__` name."""
    name = cls.__name__ + ("_be" if order == ">" else "_le")
    return type(cls)(name, (cls.__bases__[0],),
                     {"_type_": cls._type_, "__module__": cls.__module__, "_swapped_order_": order})


class PyCSimpleType(_CDataMeta):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if _CData in bases:
            return cls
        code = getattr(cls, "_type_", None)
        if code is None:
            raise AttributeError("class must define a '_type_' attribute")
        if not isinstance(code, str):
            raise TypeError("class must define a '_type_' string attribute")
        if len(code) != 1:
            raise ValueError("class must define a '_type_' attribute which must be a string of length 1")
        if code not in _SIMPLE_CODES or code in "vX":
            raise AttributeError(
                "class must define a '_type_' attribute which must be\n"
                "a single character string containing one of %r." % _SIMPLE_CODES)
        cls._order_ = namespace.get("_swapped_order_", "")
        if code == "g":
            cls._size_, cls._align_, cls._spec_ = 16, 16, "g"
        elif code == "u":
            cls._size_, cls._align_, cls._spec_ = _WCHAR_SIZE, _WCHAR_SIZE, "u"
        else:
            fmt = "P" if code in "zZO" else code
            cls._size_ = _struct.calcsize(fmt)
            cls._align_ = _struct.calcsize("c" + fmt) - cls._size_
            cls._spec_ = "P" if code in "zZO" else code
        if code in "hHiIlLqQfd" and "_swapped_order_" not in namespace:
            native, other = ("__ctype_le__", "__ctype_be__") if _sys.byteorder == "little" \
                else ("__ctype_be__", "__ctype_le__")
            swapped = _swapped_type(cls, ">" if _sys.byteorder == "little" else "<")
            type.__setattr__(cls, native, cls)
            type.__setattr__(cls, other, swapped)
            type.__setattr__(swapped, native, cls)
            type.__setattr__(swapped, other, swapped)
        return cls

    def from_param(cls, value):
        if isinstance(value, cls):
            return value
        code = cls._type_
        if value is None and code in "PzZ":
            return None
        if isinstance(value, CArgObject) and code in "Pz" and value._tag == "P":
            return value
        if code in "PzZ" and isinstance(value, _CData) and _is_pointer_like(value):
            return value
        parameter = getattr(value, "_as_parameter_", None)
        if parameter is not None:
            return cls.from_param(parameter)
        if code == "P" and isinstance(value, bytes):
            return _simple_param("z", value)
        if code == "P" and isinstance(value, str):
            return _simple_param("Z", value)
        try:
            return _simple_param(code, value)
        except TypeError:
            raise TypeError("wrong type") from None


def _is_pointer_like(value):
    cls = type(value)
    return isinstance(cls, (PyCPointerType, PyCArrayType, PyCFuncPtrType)) or \
        (isinstance(cls, PyCSimpleType) and cls._type_ in "PzZ")


def _simple_param(code, value):
    """A `CArgObject` holding `value` as the C scalar `code`."""
    view, address = _new_memory(16)
    keep = _store(code, address, value)
    spec = "P" if code in "zZO" else code
    size = 16 if code == "g" else (_WCHAR_SIZE if code == "u" else _struct.calcsize(spec))
    return CArgObject(code if code == "z" else spec, _read(address, size), (view, keep, value), value)


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError("__init__ expected at most 1 argument, got %d" % len(args))
        if args:
            self.value = args[0]

    @property
    def value(self):
        return _load(type(self)._type_, self._b_addr_, type(self)._order_)

    @value.setter
    def value(self, value):
        _keep(self, "value", _store(type(self)._type_, self._b_addr_, value, type(self)._order_))

    def __ctypes_from_outparam__(self):
        return self.value if _returns_value(type(self)) else self

    def __bool__(self):
        return bool(self.value)

    def __repr__(self):
        if not _returns_value(type(self)):
            return "<%s object at %#x>" % (type(self).__name__, id(self))
        return "%s(%r)" % (type(self).__name__, self.value)


# ---------------------------------------------------------------- arrays

_array_types = {}


def _array_type(itemtype, length):
    key = (itemtype, length)
    if key in _array_types:
        return _array_types[key]
    if length < 0:
        raise ValueError("Array length must be >= 0, not %d" % length)
    if not _is_ctype(itemtype):
        raise TypeError("_type_ must have storage info")
    name = "%s_Array_%d" % (itemtype.__name__, length)
    cls = PyCArrayType(name, (Array,), {"_type_": itemtype, "_length_": length,
                                        "__module__": _caller_module(3, itemtype.__module__)})
    _array_types[key] = cls
    return cls


class PyCArrayType(_CDataMeta):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if _CData in bases:
            return cls
        length = getattr(cls, "_length_", None)
        if length is None or not isinstance(length, int):
            raise AttributeError("class must define a '_length_' attribute, "
                                 "which must be a positive integer")
        if length < 0:
            raise ValueError("The '_length_' attribute must not be negative")
        itemtype = getattr(cls, "_type_", None)
        if itemtype is None:
            raise AttributeError("class must define a '_type_' attribute")
        if not _is_ctype(itemtype):
            raise TypeError("_type_ must have storage info")
        size = itemtype._size_ * length
        if size > _ADDRESS_MASK >> 1:
            raise OverflowError("array too large")
        cls._size_, cls._align_ = size, itemtype._align_
        cls._spec_ = "{%s}" % (itemtype._spec_ * length) if length else "{B}"
        return cls


def _store_chars(cls, address, value):
    """Writes a bytes (or, for wide characters, str) value into a character array."""
    wide = cls._type_._type_ == "u"
    if wide:
        if not isinstance(value, str):
            raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
        if len(value) > cls._length_:
            raise ValueError("string too long")
        data = _wide_bytes(value)
    else:
        if not isinstance(value, bytes):
            raise TypeError("expected bytes, %s found" % type(value).__name__)
        if len(value) > cls._length_:
            raise ValueError("byte string too long")
        data = value
    if len(value) < cls._length_:
        data += bytes(_WCHAR_SIZE if wide else 1)
    _write(address, data)


def _is_char_array(cls):
    return isinstance(cls, PyCArrayType) and isinstance(cls._type_, PyCSimpleType) \
        and cls._type_._type_ in ("c", "u")


def _store_field_chars(cls, address, value):
    """A character array field set from bytes (or str, for wide characters)."""
    wide = cls._type_._type_ == "u"
    if wide and not isinstance(value, str):
        raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
    if not wide and not isinstance(value, bytes):
        raise TypeError("expected bytes, %s found" % type(value).__name__)
    if len(value) > cls._length_:
        raise ValueError("%s too long (%d, maximum length %d)"
                         % ("string" if wide else "bytes", len(value), cls._length_))
    _store_chars(cls, address, value)


def _chars_value(cls, address, length):
    if cls._type_ == "u":
        text = _wide_text(address, length)
        end = text.find("\0")
        return text if end < 0 else text[:end]
    data = _read(address, length)
    end = data.find(b"\0")
    return data if end < 0 else data[:end]


def _slice_result(itemtype, items):
    if isinstance(itemtype, PyCSimpleType) and itemtype._type_ == "c":
        return b"".join(items)
    if isinstance(itemtype, PyCSimpleType) and itemtype._type_ == "u":
        return "".join(items)
    return items


class Array(_CData, metaclass=PyCArrayType):
    def __init__(self, *args):
        if len(args) > type(self)._length_:
            raise IndexError("invalid index")
        for i, value in enumerate(args):
            self[i] = value

    def __len__(self):
        return type(self)._length_

    def _index(self, index):
        length = type(self)._length_
        index = index.__index__() if not isinstance(index, int) else index
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("invalid index")
        return index

    def __getitem__(self, index):
        cls = type(self)
        itemtype = cls._type_
        if isinstance(index, slice):
            indices = range(*index.indices(cls._length_))
            return _slice_result(itemtype, [self[i] for i in indices])
        index = self._index(index)
        return _read_item(itemtype, self._b_addr_ + index * itemtype._size_, self)

    def __setitem__(self, index, value):
        cls = type(self)
        if isinstance(index, slice):
            indices = range(*index.indices(cls._length_))
            try:
                count = len(value)
            except TypeError:
                count = -1
            if count != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for i, item in zip(indices, value):
                self[i] = item
            return
        index = self._index(index)
        itemtype = cls._type_
        _write_item(itemtype, self._b_addr_ + index * itemtype._size_, value, self, index)

    def __delitem__(self, index):
        raise TypeError("Array does not support item deletion")

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    @property
    def value(self):
        cls = type(self)
        if cls._type_._type_ not in ("c", "u"):
            raise AttributeError("'%s' object has no attribute 'value'" % cls.__name__)
        return _chars_value(cls._type_, self._b_addr_, cls._length_)

    @value.setter
    def value(self, value):
        cls = type(self)
        if cls._type_._type_ not in ("c", "u"):
            raise AttributeError("'%s' object has no attribute 'value'" % cls.__name__)
        _store_chars(cls, self._b_addr_, value)

    @property
    def raw(self):
        cls = type(self)
        if cls._type_._type_ != "c":
            raise AttributeError("'%s' object has no attribute 'raw'" % cls.__name__)
        return _read(self._b_addr_, cls._length_)

    @raw.setter
    def raw(self, value):
        cls = type(self)
        if cls._type_._type_ != "c":
            raise AttributeError("'%s' object has no attribute 'raw'" % cls.__name__)
        data = bytes(memoryview(value))
        if len(data) > cls._length_:
            raise ValueError("byte string too long")
        _write(self._b_addr_, data)


# ---------------------------------------------------------------- pointers

_pointer_type_cache = {}


class PyCPointerType(_CDataMeta):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._size_ = cls._align_ = _POINTER_SIZE
        cls._spec_ = "P"
        if _CData not in bases and "_type_" in namespace and not _is_ctype(namespace["_type_"]):
            raise TypeError("_type_ must have storage info")
        return cls

    def set_type(cls, typ):
        if not _is_ctype(typ):
            raise TypeError("_type_ must have storage info")
        type.__setattr__(cls, "_type_", typ)

    def from_param(cls, value):
        if value is None or isinstance(value, cls):
            return value
        target = getattr(cls, "_type_", None)
        if target is not None and isinstance(value, target):
            return byref(value)
        if isinstance(value, CArgObject) and isinstance(value._obj, target):
            return value
        if isinstance(value, (_Pointer, Array)) and target is not None \
                and issubclass(type(value)._type_, target):
            return value
        return _CDataMeta.from_param(cls, value)


def _pointer_compatible(cls, value):
    target = cls._type_
    if isinstance(value, _Pointer):
        return issubclass(type(value)._type_, target)
    return isinstance(value, Array) and issubclass(type(value)._type_, target)


def _pointer_target(value):
    """The address a pointer-like object stands for."""
    if isinstance(value, Array):
        return value._b_addr_
    return _load_pointer(value._b_addr_)


class _Pointer(_CData, metaclass=PyCPointerType):
    def __new__(cls, *args, **kwargs):
        if not hasattr(cls, "_type_"):
            raise TypeError("Cannot create instance: has no _type_")
        return _CData.__new__(cls)

    def __init__(self, *args):
        if args:
            self.contents = args[0]

    def _target(self):
        address = _load_pointer(self._b_addr_)
        if not address:
            raise ValueError("NULL pointer access")
        return address

    @property
    def contents(self):
        target = type(self)._type_
        address = self._target()
        return _at(target, address, keep=self._objects)

    @contents.setter
    def contents(self, value):
        target = type(self)._type_
        if not isinstance(value, target):
            raise TypeError("expected %s instead of %s" % (target.__name__, type(value).__name__))
        _store_pointer(self._b_addr_, value._b_addr_)
        _keep(self, "1", value)

    def __getitem__(self, index):
        target = type(self)._type_
        if isinstance(index, slice):
            if index.stop is None:
                raise ValueError("slice stop is required")
            step = 1 if index.step is None else index.step
            start = (0 if step > 0 else None) if index.start is None else index.start
            if start is None:
                raise ValueError("slice start is required for step < 0")
            return _slice_result(target, [self[i] for i in range(start, index.stop, step)])
        address = self._target()
        return _read_item(target, address + index * target._size_, self)

    def __setitem__(self, index, value):
        target = type(self)._type_
        address = self._target()
        _write_item(target, address + index * target._size_, value, self, index)

    def __bool__(self):
        return _load_pointer(self._b_addr_) != 0


def POINTER(cls):
    if cls in _pointer_type_cache:
        return _pointer_type_cache[cls]
    if isinstance(cls, str):
        result = PyCPointerType("LP_%s" % cls, (_Pointer,), {"__module__": _caller_module(2, "ctypes")})
        _pointer_type_cache[id(result)] = result
        return result
    if not isinstance(cls, type):
        raise TypeError("must be a ctypes type")
    result = PyCPointerType("LP_%s" % cls.__name__, (_Pointer,),
                            {"_type_": cls, "__module__": _caller_module(2, cls.__module__)})
    _pointer_type_cache[cls] = result
    return result


def pointer(obj):
    return POINTER(type(obj))(obj)


# ---------------------------------------------------------------- structures and unions


class CField:
    """A structure's field: its type, where it lies, and its bits for a bit field."""

    def __init__(self, name, ctype, offset, size, bits=None, bit_offset=0):
        self._name, self._ctype, self.offset = name, ctype, offset
        self._bits, self._bit_offset = bits, bit_offset
        self.size = size if bits is None else (bits << 16) | bit_offset

    def __repr__(self):
        if self._bits is not None:
            return "<Field type=%s, ofs=%d:%d, bits=%d>" % (
                self._ctype.__name__, self.offset, self._bit_offset, self._bits)
        return "<Field type=%s, ofs=%d, size=%d>" % (self._ctype.__name__, self.offset, self.size)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        address = obj._b_addr_ + self.offset
        ctype = self._ctype
        if self._bits is not None:
            return self._get_bits(address)
        if _is_char_array(ctype):
            return _chars_value(ctype._type_, address, ctype._length_)
        return _read_item(ctype, address, obj)

    def __set__(self, obj, value):
        address = obj._b_addr_ + self.offset
        if self._bits is not None:
            self._set_bits(address, value)
            return
        if _is_char_array(self._ctype) and not isinstance(value, _CData):
            _store_field_chars(self._ctype, address, value)
            return
        _write_item(self._ctype, address, value, obj, self._name)

    def _get_bits(self, address):
        code = self._ctype._type_
        unit = _wrap(_load(code, address, self._ctype._order_), code.upper())
        value = (unit >> self._bit_offset) & ((1 << self._bits) - 1)
        if code.islower() and value >> (self._bits - 1):
            value -= 1 << self._bits
        return value

    def _set_bits(self, address, value):
        code = self._ctype._type_
        unit = _wrap(_load(code, address, self._ctype._order_), code.upper())
        mask = ((1 << self._bits) - 1) << self._bit_offset
        unit = (unit & ~mask) | ((_as_int(value) << self._bit_offset) & mask)
        _store(code, address, _wrap(unit, code), self._ctype._order_)


def _field_list(fields):
    try:
        return list(fields)
    except TypeError:
        raise TypeError("_fields_ must be a sequence of pairs") from None


class PyCStructType(_CDataMeta):
    _union = False

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if _CData in bases:
            cls._size_, cls._align_, cls._field_names_, cls._ffi_fields_ = 0, 1, (), ""
            return cls
        if "_fields_" in namespace:
            setattr(cls, "_fields_", namespace["_fields_"])
        return cls

    def __setattr__(cls, name, value):
        if name == "_fields_":
            if "_final_" in cls.__dict__:
                raise AttributeError("_fields_ is final")
            _lay_out(cls, _field_list(value), type(cls)._union)
        super().__setattr__(name, value)


class UnionType(PyCStructType):
    _union = True


def _lay_out(cls, fields, union):
    base = cls.__mro__[1]
    pack = cls.__dict__.get("_pack_")
    if pack is not None and (not isinstance(pack, int) or pack < 0):
        raise ValueError("_pack_ must be a non-negative integer")
    size = 0 if union else base._size_
    align = base._align_ if not union else 1
    names = list(base._field_names_) if not union else []
    specs = [] if union else [base._ffi_fields_]
    largest = None
    unit = None  # the bit field storage unit being filled: (ctype, offset, bits used)
    for index, field in enumerate(fields):
        if not isinstance(field, tuple) or len(field) not in (2, 3) or not isinstance(field[0], str):
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        name, ctype = field[0], field[1]
        if not _is_ctype(ctype):
            raise TypeError("second item in _fields_ tuple (index %d) must be a C type" % index)
        falign = min(ctype._align_, pack) if pack else ctype._align_
        bits = None
        if len(field) == 3:
            bits = field[2]
            if not isinstance(ctype, PyCSimpleType) or ctype._type_ not in _INT_CODES + "?":
                raise TypeError("bit fields not allowed for type %s" % ctype.__name__)
            if not isinstance(bits, int) or not 1 <= bits <= 8 * ctype._size_:
                raise ValueError("number of bits invalid for bit field")
        if union:
            offset, bit_offset = 0, 0
            size = max(size, ctype._size_)
            if largest is None or ctype._align_ > largest._align_:
                largest = ctype
        elif bits is not None and unit is not None and unit[0]._size_ == ctype._size_ \
                and unit[2] + bits <= 8 * ctype._size_:
            offset, bit_offset = unit[1], unit[2]
            unit = (unit[0], unit[1], unit[2] + bits)
        else:
            offset = -(-size // falign) * falign
            bit_offset = 0
            size = offset + ctype._size_
            specs.append(ctype._spec_)
            unit = (ctype, offset, bits) if bits is not None else None
        align = max(align, falign)
        type.__setattr__(cls, name, CField(name, ctype, offset, ctype._size_, bits, bit_offset))
        names.append(name)
    size = -(-size // align) * align
    if union and largest is not None:
        specs = [largest._spec_ + "B" * (size - largest._size_)]
    type.__setattr__(cls, "_size_", size)
    type.__setattr__(cls, "_align_", align)
    type.__setattr__(cls, "_field_names_", tuple(names))
    type.__setattr__(cls, "_ffi_fields_", "".join(specs))
    type.__setattr__(cls, "_spec_", "{%s}" % ("".join(specs) or "B"))
    type.__setattr__(cls, "_final_", True)
    for anonymous in cls.__dict__.get("_anonymous_", ()):
        _add_anonymous(cls, anonymous)


def _add_anonymous(cls, name):
    field = cls.__dict__.get(name)
    if not isinstance(field, CField):
        raise AttributeError("'%s' is specified in _anonymous_ but not in _fields_" % name)
    for inner in field._ctype._field_names_:
        descriptor = getattr(field._ctype, inner)
        type.__setattr__(cls, inner, CField(inner, descriptor._ctype, field.offset + descriptor.offset,
                                            descriptor._ctype._size_, descriptor._bits,
                                            descriptor._bit_offset))


def _init_fields(self, *args, **kwargs):
    """`Structure.__init__`/`Union.__init__`: fields in order, then by keyword."""
    names = type(self)._field_names_
    if len(args) > len(names):
        raise TypeError("too many initializers")
    for name, value in zip(names, args):
        setattr(self, name, value)
    for name, value in kwargs.items():
        if name in names[:len(args)]:
            raise TypeError("duplicate values for field %r" % name)
        setattr(self, name, value)


class Structure(_CData, metaclass=PyCStructType):
    __init__ = _init_fields


class Union(_CData, metaclass=UnionType):
    __init__ = _init_fields


# ---------------------------------------------------------------- byref, sizes, casts


class CArgObject:
    """A value prepared for a foreign call: `byref(obj)`, or what `from_param` made."""

    def __init__(self, tag, data, obj, shown):
        self._tag, self._data, self._obj, self._shown = tag, data, obj, shown

    def __repr__(self):
        if self._tag == "P":
            return "<cparam 'P' (%#x)>" % int.from_bytes(self._data, _sys.byteorder)
        if self._tag == "z":
            return "<cparam 'z' (%#x)>" % int.from_bytes(self._data, _sys.byteorder)
        return "<cparam '%s' (%r)>" % (self._tag, self._shown)


CArgObject.__module__ = "builtins"


def byref(obj, offset=0):
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'" % type(obj).__name__)
    address = (obj._b_addr_ + offset) & _ADDRESS_MASK
    return CArgObject("P", address.to_bytes(_POINTER_SIZE, _sys.byteorder), obj, address)


def addressof(obj):
    if not isinstance(obj, _CData):
        raise TypeError("invalid type")
    return obj._b_addr_


def sizeof(obj):
    if isinstance(obj, _CData):
        return _instance_size(obj)
    if _is_ctype(obj):
        return obj._size_
    raise TypeError("this type has no size")


def alignment(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    if not _is_ctype(cls):
        raise TypeError("no alignment info")
    return cls._align_


def resize(obj, size):
    if not isinstance(obj, _CData):
        raise TypeError("excepted ctypes instance")
    minimum = type(obj)._size_
    if size < minimum:
        raise ValueError("minimum size is %d" % minimum)
    if not obj._b_needsfree_:
        raise ValueError("Memory cannot be resized because this object doesn't own it")
    old = _bytes_of(obj)
    # Objects made earlier over the old memory (an array's items) still point there: it
    # stays alive with the object.
    obj.__dict__.setdefault("_b_resized_", []).append(obj._b_keep_)
    obj._b_keep_, obj._b_addr_ = _new_memory(size)
    _write(obj._b_addr_, old[:size])
    obj.__dict__["_b_size_"] = size


def _address_of_argument(obj):
    """The address `cast`/`string_at` are given, with what keeps it alive."""
    if obj is None:
        return 0, None
    if isinstance(obj, int):
        return obj & _ADDRESS_MASK, None
    if isinstance(obj, bytes):
        view, address = _c_string_buffer(obj)
        return address, view
    if isinstance(obj, CArgObject):
        return int.from_bytes(obj._data[:_POINTER_SIZE], _sys.byteorder), obj
    if isinstance(obj, Array):
        return obj._b_addr_, obj
    if isinstance(obj, _CData) and _is_pointer_like(obj):
        return _load_pointer(obj._b_addr_), obj
    parameter = getattr(obj, "_as_parameter_", None)
    if parameter is not None:
        return _address_of_argument(parameter)
    raise ArgumentError("argument 1: TypeError: wrong type")


def _cast(obj, _same, typ):
    if not (isinstance(typ, (PyCPointerType, PyCFuncPtrType))
            or (isinstance(typ, PyCSimpleType) and typ._type_ in "sPzUZXO")):
        name = typ.__name__ if isinstance(typ, type) else type(typ).__name__
        raise TypeError("cast() argument 2 must be a pointer type, not %s" % name)
    address, keep = _address_of_argument(obj)
    result = typ()
    _store_pointer(result._b_addr_, address)
    result._objects = {"cast": keep}
    return result


def _string_at(address, size=-1):
    address, _ = _address_of_argument(address)
    if size == -1:
        size = _strlen(address)
    return _read(address, size)


def _wstring_at(address, size=-1):
    address, _ = _address_of_argument(address)
    if size == -1:
        size = _wcslen(address)
    return _wide_text(address, size)


# The functions CPython's ctypes.py calls through `PYFUNCTYPE` at C addresses, here Python
# functions: their "addresses" are their ids, which a call recognises.
_python_functions = {id(f): f for f in (_cast, _string_at, _wstring_at)}
_cast_addr, _string_at_addr, _wstring_at_addr = id(_cast), id(_string_at), id(_wstring_at)


# ---------------------------------------------------------------- foreign functions


class PyCFuncPtrType(_CDataMeta):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._size_ = cls._align_ = _POINTER_SIZE
        cls._spec_ = "P"
        if "_argtypes_" in namespace:
            _check_argtypes(namespace["_argtypes_"])
        return cls


def _check_argtypes(argtypes):
    for index, argtype in enumerate(argtypes):
        if not hasattr(argtype, "from_param"):
            raise TypeError("item %d in _argtypes_ has no from_param method" % (index + 1))
    return tuple(argtypes)


def _argument(value, index, keep):
    """(spec, bytes) of one converted argument, appending what must live through the call."""
    if isinstance(value, CArgObject):
        keep.append(value)
        return ("P" if value._tag == "z" else value._tag), value._data
    if isinstance(value, _CData):
        keep.append(value)
        cls = type(value)
        if isinstance(cls, PyCArrayType):
            return "P", value._b_addr_.to_bytes(_POINTER_SIZE, _sys.byteorder)
        return _argument_spec(cls), _bytes_of(value)
    if value is None:
        return "P", bytes(_POINTER_SIZE)
    if isinstance(value, bool) or isinstance(value, int):
        if not -(1 << 63) <= value < (1 << 64):
            raise ArgumentError("argument %d: OverflowError: int too long to convert" % index)
        return "i", _struct.pack("i", _wrap(value, "i"))
    if isinstance(value, bytes):
        view, address = _bytes_argument(value)
        keep.append(view)
        return "P", address.to_bytes(_POINTER_SIZE, _sys.byteorder)
    if isinstance(value, str):
        view, address = _c_wstring_buffer(value)
        keep.append(view)
        return "P", address.to_bytes(_POINTER_SIZE, _sys.byteorder)
    parameter = getattr(value, "_as_parameter_", None)
    if parameter is not None:
        return _argument(parameter, index, keep)
    raise ArgumentError("argument %d: TypeError: Don't know how to convert parameter %d"
                        % (index, index))


def _result(restype, raw):
    if restype is None:
        return None
    if not _is_ctype(restype):
        return restype(_struct.unpack("i", raw[:4])[0])
    value = restype.from_buffer_copy(raw[:restype._size_])
    return value.__ctypes_from_outparam__()


# The Python functions behind live callbacks, by their closures' code addresses.
_callbacks = {}


def _argument_spec(cls):
    """How a parameter of type `cls` is passed: arrays as pointers, the rest as themselves."""
    return "P" if isinstance(cls, PyCArrayType) else cls._spec_


class _Callback:
    """A closure calling a Python function, freed with the function pointer object."""

    def __init__(self, cls, func):
        argtypes = tuple(getattr(cls, "_argtypes_", None) or ())
        restype = getattr(cls, "_restype_", None)
        for argtype in argtypes:
            if not _is_ctype(argtype):
                raise TypeError("invalid argtype for callback: %r" % (argtype,))
        if restype is not None and not _is_ctype(restype):
            raise TypeError("invalid result type for callback function")
        self.address = _make_callback("".join(map(_argument_spec, argtypes)),
                                      "" if restype is None else restype._spec_)
        _callbacks[self.address] = (func, argtypes, restype)

    def __del__(self):
        _callbacks.pop(self.address, None)
        _free_callback(self.address)


def _call_callback(address, args):
    """What a callback's closure runs: C's arguments' bytes in, the result's bytes out."""
    func, argtypes, restype = _callbacks[address]
    try:
        values = [_callback_argument(t, data) for t, data in zip(argtypes, args)]
        result = func(*values)
        return None if restype is None else _callback_result(restype, result)
    except BaseException as e:
        # The report starts at the callback's own frame, as CPython's does.
        tb = e.__traceback__
        _report_callback_error(func, e.with_traceback(tb.tb_next if tb is not None else None))
        return None


def _callback_argument(argtype, data):
    if isinstance(argtype, PyCArrayType):
        return POINTER(argtype._type_).from_buffer_copy(data)
    return argtype.from_buffer_copy(data).__ctypes_from_outparam__()


def _callback_result(restype, result):
    if not isinstance(result, restype):
        result = restype(result)
    data = _bytes_of(result)
    code = getattr(restype, "_type_", None)
    if isinstance(restype, PyCSimpleType) and code in _INT_CODES + "?c" and len(data) < 8:
        # libffi returns small integers widened to a machine word.
        value = int.from_bytes(data, _sys.byteorder, signed=code in "bhilq")
        return value.to_bytes(8, _sys.byteorder, signed=value < 0)
    return data


class CFuncPtr(_CData, metaclass=PyCFuncPtrType):
    _restype_ = None

    def __new__(cls, *args):
        self = _CData.__new__(cls)
        self._argtypes, self._restype, self._errcheck = None, False, None
        if not args:
            return self
        target = args[0]
        if isinstance(target, int):
            _store_pointer(self._b_addr_, target)
        elif isinstance(target, tuple) and len(target) >= 2:
            name, dll = target[0], target[1]
            if isinstance(name, int):
                raise AttributeError("function ordinal %d not found" % name)
            try:
                address = dlsym(dll._handle, name)
            except OSError as e:
                raise AttributeError(str(e)) from None
            _store_pointer(self._b_addr_, address)
        elif callable(target):
            self._callback = _Callback(cls, target)
            _store_pointer(self._b_addr_, self._callback.address)
        else:
            raise TypeError("argument must be callable or integer function address")
        return self

    def __init__(self, *args):
        pass

    def __bool__(self):
        return _load_pointer(self._b_addr_) != 0

    def __repr__(self):
        return "<%s object at %#x>" % (type(self).__name__, id(self))

    @property
    def argtypes(self):
        if self._argtypes is not None:
            return self._argtypes
        return getattr(type(self), "_argtypes_", None)

    @argtypes.setter
    def argtypes(self, value):
        if value is not None:
            _check_argtypes(value)
        self._argtypes = value

    @argtypes.deleter
    def argtypes(self):
        self._argtypes = None

    @property
    def restype(self):
        if self._restype is not False:
            return self._restype
        return getattr(type(self), "_restype_", None)

    @restype.setter
    def restype(self, value):
        if value is not None and not _is_ctype(value) and not callable(value):
            raise TypeError("restype must be a type, a callable, or None")
        self._restype = value

    @restype.deleter
    def restype(self):
        self._restype = False

    @property
    def errcheck(self):
        return self._errcheck

    @errcheck.setter
    def errcheck(self, value):
        if value is not None and not callable(value):
            raise TypeError("the errcheck attribute must be callable")
        self._errcheck = value

    @errcheck.deleter
    def errcheck(self):
        self._errcheck = None

    def __call__(self, *args, **kwargs):
        address = _load_pointer(self._b_addr_)
        if address in _python_functions:
            return _python_functions[address](*args, **kwargs)
        if kwargs:
            raise TypeError("this function takes no keyword arguments")
        if not address:
            raise ValueError("NULL function pointer")
        argtypes = self.argtypes
        flags = getattr(type(self), "_flags_", FUNCFLAG_CDECL)
        if argtypes is not None and len(args) < len(argtypes):
            required = len(argtypes)
            raise TypeError("this function takes at least %d argument%s (%d given)"
                            % (required, "" if required == 1 else "s", len(args)))
        specs, values, keep = [], [], []
        for index, arg in enumerate(args, 1):
            if argtypes is not None and index <= len(argtypes):
                try:
                    arg = argtypes[index - 1].from_param(arg)
                except ArgumentError:
                    raise
                except Exception as e:
                    raise ArgumentError("argument %d: %s: %s" % (index, type(e).__name__, e)) from None
            spec, data = _argument(arg, index, keep)
            specs.append(spec)
            values.append(data)
        restype = self.restype
        result_spec = "" if restype is None else (restype._spec_ if _is_ctype(restype) else "i")
        raw = _call(address, "".join(specs), values, result_spec, flags)
        result = _result(restype, raw)
        if self._errcheck is not None:
            return self._errcheck(result, self, args)
        return result
