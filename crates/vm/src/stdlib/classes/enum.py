"""Enumerations: a compact implementation of CPython 3.11's enum with the same reprs,
lookups and messages (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique)."""

import builtins as _builtins
import sys
from types import MappingProxyType, FunctionType

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_enum',
           'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_auto_null = object()
Enum = Flag = ReprEnum = None


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % self.value


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


class property:
    """The `name`/`value` attributes of members: read-only, and a member's own name on
    the class."""

    def __init__(self, fget=None):
        self.fget = fget
        self.name = getattr(fget, '__name__', None)
        self.__doc__ = getattr(fget, '__doc__', None)

    def __set_name__(self, owner, name):
        self.name = name
        self.clsname = owner.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(
                    '%r has no attribute %r' % (ownerclass, self.name)) from None
        return self.fget(instance)

    def __set__(self, instance, value):
        raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))

    def __delete__(self, instance):
        raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))




class FlagBoundary:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return '<FlagBoundary.%s: %r>' % (self.name, self.name.lower())


STRICT, CONFORM, EJECT, KEEP = (FlagBoundary(n) for n in ('STRICT', 'CONFORM', 'EJECT', 'KEEP'))


class EnumCheck:
    pass


CONTINUOUS, NAMED_FLAGS, UNIQUE = 'no skipped integer values', 'multi-flag aliases may not contain unnamed flags', 'one name per value'


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return (isinstance(obj, (FunctionType, classmethod, staticmethod, type, _builtins.property))
            or hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


class _EnumDict(dict):
    """The namespace of an enum's body: resolves `auto()` as each member is assigned, so
    later lines can use earlier members' values (`RW = R | W`)."""

    def __init__(self):
        super().__init__()
        self._member_count = 0
        self._last_values = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if key == '_generate_next_value_':
            self._generate_next_value = getattr(value, '__func__', value)
        elif not (_is_dunder(key) or _is_sunder(key) or _is_descriptor(value)):
            if isinstance(value, auto) and self._generate_next_value is not None:
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, self._member_count, self._last_values[:])
                value = value.value
            self._member_count += 1
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        classdict = _EnumDict()
        if bases:
            classdict._generate_next_value = getattr(bases[-1], '_generate_next_value_', None)
        return classdict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        members = {}
        body = {}
        for key, value in classdict.items():
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                members[key] = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_descriptor(value)
                    or key.startswith('_%s__' % cls)):
                body[key] = value
            else:
                members[key] = value
        ignore = body.pop('_ignore_', ())
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        for name in ignore:
            members.pop(name, None)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        # A `__new__` in the body makes members; the class's own `__new__` stays Enum's
        # lookup by value.
        body['_new_member_'] = body.pop('__new__', None) if bases else None
        if member_type is not object and '__hash__' not in body:
            body['__hash__'] = member_type.__hash__
        if boundary is not None:
            body['_boundary_'] = boundary
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        # As CPython's EnumType: where the mixed-in data type's (or object's) `__repr__`,
        # `__str__` or `__format__` comes first in the MRO, the enum's own takes its place.
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__'):
                if name not in body:
                    found = getattr(enum_class, name)
                    if found in (getattr(member_type, name), getattr(object, name)):
                        setattr(enum_class, name, getattr(first_enum, name))
        # A Flag's operators come before its data type's (`int.__or__` in `IntFlag`'s MRO).
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                         '__invert__'):
                if name not in body:
                    setattr(enum_class, name, getattr(Flag, name))
        gen = enum_class._generate_next_value_
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        last_values = []
        for index, (name, value) in enumerate(members.items()):
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen(name, 1, index, last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(
                    gen(name, 1, index, last_values[:]) if isinstance(v, auto) else v
                    for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value)
        if is_flag:
            single = 0
            for m in enum_class._member_map_.values():
                if _is_single_bit(m._value_):
                    single |= m._value_
            enum_class._flag_mask_ = single
            enum_class._all_bits_ = 2 ** single.bit_length() - 1 if single else 0
            values = [m._value_ for m in enum_class]
            enum_class._by_definition_ = values != sorted(values)
        return enum_class

    def _add_member_(cls, name, value):
        if isinstance(value, tuple):
            args = value
        else:
            args = (value,)
        new = cls.__dict__.get('_new_member_') or None
        for base in cls.__mro__:
            if new is not None:
                break
            new = base.__dict__.get('_new_member_')
        member_type = cls._member_type_
        if new is not None:
            enum_member = new(cls, *args)
        elif member_type is object:
            enum_member = object.__new__(cls)
        else:
            if member_type is tuple:
                args = (args,)
            enum_member = member_type.__new__(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if member_type is object:
                enum_member._value_ = value
            else:
                enum_member._value_ = member_type(*args)
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        init = None
        for base in cls.__mro__:
            if '__init__' in base.__dict__:
                init = base.__dict__['__init__']
                break
        if init is not None and base.__module__ not in ('builtins', __name__):
            init(enum_member, *args)
        enum_member._sort_order_ = len(cls._member_names_)
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                cls._member_map_[name] = existing
                type.__setattr__(cls, name, existing)
                return
        # Flag members of zero or several bits are aliases: not iterated.
        is_flag = Flag is not None and issubclass(cls, Flag)
        if not is_flag or _is_single_bit(value):
            cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            pass
        type.__setattr__(cls, name, enum_member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases:
            return object, Enum
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (class_name, base))
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        member_type = base._member_type_
                        break
                    continue
                if '__new__' in base.__dict__ or base.__module__ == 'builtins':
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                # gilvm: the caller's frame is out of sight when a native call (calling the
                # class) is between it and here; scripts are '__main__'.
                module = '__main__'
        classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtins.property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name, ))
        super().__setattr__(name, value)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and exc is None and result is None:
            pass
        ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        elif exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return getattr, (self.__class__, self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    _value_repr_ = None



class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    _value_repr_ = None

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0], ))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        members = [cls._value2member_map_.get(b) for b in _iter_bits_lsb(value & cls._flag_mask_)]
        if cls._by_definition_:
            members.sort(key=lambda m: m._sort_order_)
        return members

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        if member_value:
            pseudo_member._name_ = '|'.join(m._name_ for m in cls._iter_member_(member_value))
            if unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        if not unknown:
            pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
            if neg_value is not None:
                cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._iter_member_(self._value_))

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._boundary_ is KEEP:
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


def _bin(num, max_bits=None):
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
                ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls):
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls
