# gilvm's _codecs: the two functions pickle's protocols 0-2 name (`_codecs.encode` is what
# CPython pickles bytes as, `escape_decode` reads the STRING opcode). The codecs themselves
# are str.encode's.


def encode(obj, encoding="utf-8", errors="strict"):
    return obj.encode(encoding, errors)


def decode(obj, encoding="utf-8", errors="strict"):
    return obj.decode(encoding, errors)


_SIMPLE = {ord("\n"): b"", ord("\\"): b"\\", ord("'"): b"'", ord('"'): b'"', ord("a"): b"\a",
           ord("b"): b"\b", ord("f"): b"\f", ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t",
           ord("v"): b"\v"}
_OCTAL = b"01234567"
_HEX = b"0123456789abcdefABCDEF"


def escape_decode(data, errors=None):
    """The bytes that the escape sequences of `data` stand for, and how many were read."""
    if isinstance(data, str):
        data = data.encode("latin-1")
    data = bytes(data)
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        i += 1
        if c != 0x5C or i == n:
            if c == 0x5C:
                raise ValueError("Trailing \\ in string")
            out.append(c)
            continue
        c = data[i]
        i += 1
        if c in _SIMPLE:
            out += _SIMPLE[c]
        elif c in _OCTAL:
            j = i
            while j < n and j < i + 2 and data[j] in _OCTAL:
                j += 1
            out.append(int(data[i - 1:j], 8) & 0xFF)
            i = j
        elif c == ord("x"):
            digits = data[i:i + 2]
            if len(digits) < 2 or any(d not in _HEX for d in digits):
                raise ValueError("invalid \\x escape at position %d" % (i - 2))
            out.append(int(digits, 16))
            i += 2
        else:
            out += b"\\" + bytes([c])
    return bytes(out), n
