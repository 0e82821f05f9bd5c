# json.decoder: CPython's names for the decoding half of json (the module lives in json.py).

from json import JSONDecoder, JSONDecodeError, _scan

__all__ = ['JSONDecoder', 'JSONDecodeError']


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string; end is the index just after its opening quote.
    Returns (str, index just after the closing quote)."""
    # The native scanner starts at a quote: scan a copy that has one at `end - 1`.
    r = _scan('"' + s[end:], 0, False, bool(strict), None, None, None, None, None)
    if len(r) == 3:
        raise JSONDecodeError(r[1], s, r[2] + end - 1) from None
    return r[0], r[1] + end - 1
