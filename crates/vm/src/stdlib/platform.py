# `platform`: what machine and which Python implementation this is.

import sys

_sysname, _node, _release, _version, _machine = _uname()


class uname_result(tuple):
    "The record `platform.uname()` returns: system, node, release, version, machine."

    __slots__ = ()
    _fields = ('system', 'node', 'release', 'version', 'machine')
    # As CPython's: a sixth item, the processor, not in `_fields` nor the repr.

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine, machine))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    processor = property(lambda self: self[5])

    def __repr__(self):
        items = ', '.join(f + '=' + repr(v) for f, v in zip(self._fields, self))
        return 'uname_result(' + items + ')'


def uname():
    return uname_result(_sysname, _node, _release, _version, _machine)


def system():
    return _sysname


def node():
    return _node


def release():
    return _release


def version():
    return _version


def machine():
    return _machine


def processor():
    return _machine


def python_implementation():
    "'gilvm' (CPython returns 'CPython', PyPy 'PyPy')."
    return 'gilvm'


def python_version_tuple():
    return tuple(str(part) for part in sys.version_info[:3])


def python_version():
    return '.'.join(python_version_tuple())


def python_branch():
    return ''


def python_revision():
    return ''


def python_compiler():
    return 'rustc'


def python_build():
    return ('main', '')


def architecture(executable=sys.executable, bits='', linkage=''):
    return (bits or ('64bit' if sys.maxsize > 2 ** 32 else '32bit'), linkage or 'ELF')


def platform(aliased=False, terse=False):
    if terse:
        return _sysname + '-' + _release
    return _sysname + '-' + _release + '-' + _machine
