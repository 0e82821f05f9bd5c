# json.encoder: CPython's names for the encoding half of json (the module lives in json.py).

from json import JSONEncoder, _encode_str

__all__ = ['JSONEncoder']


def py_encode_basestring(s):
    """Return a JSON representation of a Python string."""
    return _encode_str(s, False)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    return _encode_str(s, True)


encode_basestring = c_encode_basestring = py_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii = py_encode_basestring_ascii
