# gilvm's binascii module: hex and base64 conversions, crc32 (native, shared with zlib),
# crc_hqx, binascii.Error and binascii.Incomplete.


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_INDEX = {c: i for i, c in enumerate(_B64)}


def _ascii_data(data):
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, (bytes, bytearray, memoryview)):
        return data
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(data).__name__)


def _binary_data(data):
    if isinstance(data, (bytes, bytearray, memoryview)):
        return data
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _binary_data(data)
    digits = data.hex()
    if sep is None or not data:
        return digits.encode('ascii')
    if isinstance(sep, str):
        sep = sep.encode('ascii')
    if len(sep) != 1:
        raise ValueError('sep must be length 1.')
    sep = sep.decode('ascii')
    n = abs(bytes_per_sep)
    if n == 0:
        return digits.encode('ascii')
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    if bytes_per_sep > 0:
        first = len(pairs) % n or n
        groups = [pairs[:first]] + [pairs[i:i + n] for i in range(first, len(pairs), n)]
    else:
        groups = [pairs[i:i + n] for i in range(0, len(pairs), n)]
    return sep.join(''.join(g) for g in groups).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _ascii_data(hexstr)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    out = bytearray()
    digits = b'0123456789abcdefABCDEF'
    for i in range(0, len(hexstr), 2):
        a = hexstr[i]
        b = hexstr[i + 1]
        if a not in digits or b not in digits:
            raise Error('Non-hexadecimal digit found')
        out.append(int(chr(a) + chr(b), 16))
    return bytes(out)


a2b_hex = unhexlify


def b2a_base64(data, *, newline=True):
    data = _binary_data(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i + 3 <= n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(_B64[v >> 18])
        out.append(_B64[(v >> 12) & 63])
        out.append(_B64[(v >> 6) & 63])
        out.append(_B64[v & 63])
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63]]) + b'=='
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes([_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63]]) + b'='
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    data = _ascii_data(data)
    out = bytearray()
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    n = len(data)
    if strict_mode and n > 0 and data[0] == 61:
        raise Error('Leading padding not allowed')
    i = 0
    while i < n:
        c = data[i]
        if c == 61:
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                if strict_mode and i + 1 < n:
                    raise Error('Excess data after padding')
                return bytes(out)
            i += 1
            continue
        v = _B64_INDEX.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            i += 1
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 0xff)
            leftchar = v & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 0xff)
            leftchar = v & 0x03
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 0xff)
            leftchar = 0
        i += 1
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error('Invalid base64-encoded string: number of data characters (%d) '
                        'cannot be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
        raise Error('Incorrect padding')
    return bytes(out)


def crc_hqx(data, crc, /):
    data = _binary_data(data)
    crc &= 0xffff
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            if crc & 0x8000:
                crc = ((crc << 1) ^ 0x1021) & 0xffff
            else:
                crc = (crc << 1) & 0xffff
    return crc
