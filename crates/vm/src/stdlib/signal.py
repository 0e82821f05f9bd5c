# gilvm's signal module over its native part (signal.rs): handlers run in the main thread at
# its next check point. As CPython's signal.py does over _signal, the signal numbers, the
# SIG_DFL/SIG_IGN handlers and the pthread_sigmask operations are IntEnum members.
from enum import IntEnum as _IntEnum

ItimerError = OSError


def _convert(name, keep):
    "An IntEnum of this module's constants whose names `keep` accepts, sorted by value."
    members = sorted(((n, v) for n, v in globals().items() if keep(n)),
                     key=lambda item: (item[1], item[0]))
    cls = _IntEnum(name, members, module=__name__)
    globals().update(cls.__members__)
    globals()[name] = cls
    return cls


_convert('Signals', lambda name: name.isupper() and name.startswith('SIG')
         and not name.startswith('SIG_'))
_convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))
_convert('Sigmasks', lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))
del _convert


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _enum_to_int(handler)
    old = _signal(_enum_to_int(signalnum), handler, callable(handler))
    return _int_to_enum(old, Handlers)


_getsignal = getsignal


def getsignal(signalnum):
    return _int_to_enum(_getsignal(signalnum), Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _valid_signals()}


def pthread_sigmask(how, mask):
    blocked = _pthread_sigmask(how, [_enum_to_int(signum) for signum in mask])
    return {_int_to_enum(x, Signals) for x in blocked}
