# gilvm's _lzma: CPython's C module's classes and constants over lzma/mod.rs (liblzma);
# the arguments are checked here, with CPython's messages, and filter specifiers become
# tuples of ints for the native side.

CHECK_NONE = 0
CHECK_CRC32 = 1
CHECK_CRC64 = 4
CHECK_SHA256 = 10
CHECK_ID_MAX = 15
CHECK_UNKNOWN = 16
FILTER_LZMA1 = 0x4000000000000001
FILTER_LZMA2 = 0x21
FILTER_DELTA = 0x03
FILTER_X86 = 0x04
FILTER_POWERPC = 0x05
FILTER_IA64 = 0x06
FILTER_ARM = 0x07
FILTER_ARMTHUMB = 0x08
FILTER_SPARC = 0x09
FORMAT_AUTO = 0
FORMAT_XZ = 1
FORMAT_ALONE = 2
FORMAT_RAW = 3
MF_HC3 = 0x03
MF_HC4 = 0x04
MF_BT2 = 0x12
MF_BT3 = 0x13
MF_BT4 = 0x14
MODE_FAST = 1
MODE_NORMAL = 2
PRESET_DEFAULT = 6
PRESET_EXTREME = 0x80000000

_LZMA_OPTIONS = ('preset', 'dict_size', 'lc', 'lp', 'pb', 'mode', 'nice_len', 'mf', 'depth')
_BCJ = (FILTER_X86, FILTER_POWERPC, FILTER_IA64, FILTER_ARM, FILTER_ARMTHUMB, FILTER_SPARC)
_XZ_MAGIC = b'\xfd7zXZ\x00'


class LZMAError(Exception):
    """Call to liblzma failed."""


LZMAError.__module__ = '_lzma'


def is_check_supported(check_id, /):
    return check_id in (CHECK_NONE, CHECK_CRC32, CHECK_CRC64, CHECK_SHA256)


def _options(spec, allowed, kind):
    for key in spec:
        if key != 'id' and key not in allowed:
            raise ValueError("Invalid filter specifier for %s filter" % kind)
    return {key: spec[key] for key in allowed if key in spec}


def _filter(spec):
    """A filter specifier as the native side takes it: (id, preset, dict_size, lc, lp, pb,
    mode, nice_len, mf, depth, dist, start_offset), -1 for what is not given."""
    if not hasattr(type(spec), '__getitem__') or not hasattr(spec, 'keys'):
        raise TypeError("Filter specifier must be a dict or dict-like object")
    if 'id' not in spec:
        raise ValueError('Filter specifier must have an "id" entry')
    fid = spec['id']
    fields = [fid, PRESET_DEFAULT] + [-1] * 10
    if fid in (FILTER_LZMA1, FILTER_LZMA2):
        given = _options(spec, _LZMA_OPTIONS, 'LZMA')
        for i, key in enumerate(_LZMA_OPTIONS):
            if key in given:
                fields[1 + i] = _uint32(given[key])
    elif fid == FILTER_DELTA:
        fields[10] = _uint32(_options(spec, ('dist',), 'delta').get('dist', 1))
    elif fid in _BCJ:
        fields[11] = _uint32(_options(spec, ('start_offset',), 'BCJ').get('start_offset', 0))
    else:
        raise ValueError("Invalid filter ID: %d" % fid)
    return tuple(fields)


def _uint32(value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    if value < 0:
        raise OverflowError("Value too large for uint32_t type")
    if value > 0xFFFFFFFF:
        raise OverflowError("Value too large for uint32_t type")
    return value


def _filter_chain(specs):
    count = len(specs)
    if count > 4:
        raise ValueError("Too many filters - liblzma supports a maximum of 4")
    return [_filter(specs[i]) for i in range(count)]


class LZMACompressor:
    """Create a compressor object for compressing data incrementally."""

    def __init__(self, format=FORMAT_XZ, check=-1, preset=None, filters=None):
        if format != FORMAT_XZ and check not in (-1, CHECK_NONE):
            raise ValueError("Integrity checks are only supported by FORMAT_XZ")
        if preset is not None and filters is not None:
            raise ValueError("Cannot specify both preset and filter chain")
        preset = PRESET_DEFAULT if preset is None else _uint32(preset)
        if format not in (FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError("Invalid container format: %d" % format)
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        chain = None if filters is None else _filter_chain(filters)
        self._coder = _encoder(format, check, preset, chain)
        self._flushed = False

    def compress(self, data, /):
        if self._flushed:
            raise ValueError("Compressor has been flushed")
        return _process(self._coder, data, False, -1)[0]

    def flush(self):
        if self._flushed:
            raise ValueError("Repeated call to flush()")
        self._flushed = True
        return _process(self._coder, b'', True, -1)[0]

    def __reduce__(self):
        raise TypeError("cannot pickle 'LZMACompressor' object")


class LZMADecompressor:
    """Create a decompressor object for decompressing data incrementally."""

    def __init__(self, format=FORMAT_AUTO, memlimit=None, filters=None):
        if memlimit is not None and format == FORMAT_RAW:
            raise ValueError("Cannot specify memory limit with FORMAT_RAW")
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        if format != FORMAT_RAW and filters is not None:
            raise ValueError("Cannot specify filters except with FORMAT_RAW")
        if format not in (FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError("Invalid container format: %d" % format)
        if memlimit is not None:
            memlimit = int(memlimit)
        chain = None if filters is None else _filter_chain(filters)
        self._coder = _decoder(format, memlimit, chain)
        self._format = format
        self._pending = b''
        self.eof = False
        self.needs_input = True
        self.unused_data = b''
        self.check = CHECK_UNKNOWN if format in (FORMAT_AUTO, FORMAT_XZ) else CHECK_NONE

    def decompress(self, data, max_length=-1):
        if self.eof:
            raise EOFError("Already at end of stream")
        data = self._pending + bytes(data)
        self._learn_check(data)
        limit = max_length if max_length >= 0 else -1
        output, consumed, ended = _process(self._coder, data, False, limit)
        rest = data[consumed:]
        if ended:
            self.eof = True
            self.needs_input = False
            self.unused_data = rest
            self._pending = b''
        else:
            self._pending = rest
            self.needs_input = not rest and not (0 <= max_length == len(output))
        return output

    def _learn_check(self, data):
        """The integrity check, from an xz stream's header (liblzma's lzma_get_check)."""
        if self.check != CHECK_UNKNOWN or not data:
            return
        if len(data) >= 8 and data.startswith(_XZ_MAGIC):
            self.check = data[7] & 0x0F
        elif self._format == FORMAT_AUTO and not _XZ_MAGIC.startswith(data[:6]):
            self.check = CHECK_NONE

    def __reduce__(self):
        raise TypeError("cannot pickle 'LZMADecompressor' object")


# LZMA2's dictionary size, coded in one byte: 2 or 3 times a power of two, rounded up.
def _lzma2_dict_byte(size):
    for code in range(40):
        if (2 | (code & 1)) << (code // 2 + 11) >= size:
            return code
    return 40


_PRESET_DICT_SIZES = [1 << 18, 1 << 20, 1 << 21, 1 << 22, 1 << 22, 1 << 23, 1 << 23, 1 << 24,
                      1 << 25, 1 << 26]


def _encode_filter_properties(filter, /):
    """The raw properties of a filter specifier, as a .7z or .zip stores them."""
    fields = _filter(filter)
    fid = fields[0]
    preset = fields[1] & 0x1F
    if preset > 9:
        raise LZMAError("Invalid compression preset: %d" % fields[1])
    dict_size = fields[2] if fields[2] >= 0 else _PRESET_DICT_SIZES[preset]
    if fid == FILTER_LZMA1:
        lc, lp, pb = [v if v >= 0 else d for v, d in zip(fields[3:6], (3, 0, 2))]
        return bytes([(pb * 5 + lp) * 9 + lc]) + dict_size.to_bytes(4, 'little')
    if fid == FILTER_LZMA2:
        return bytes([_lzma2_dict_byte(dict_size)])
    if fid == FILTER_DELTA:
        return bytes([max(fields[10], 1) - 1])
    return fields[11].to_bytes(4, 'little') if fields[11] > 0 else b''


def _decode_filter_properties(filter_id, encoded_props, /):
    """The filter specifier that raw filter properties stand for."""
    props = bytes(encoded_props)
    if filter_id == FILTER_LZMA1:
        if len(props) != 5 or props[0] > (4 * 5 + 4) * 9 + 8:
            raise LZMAError("Invalid or unsupported options")
        lc, rest = props[0] % 9, props[0] // 9
        return {'id': filter_id, 'lc': lc, 'lp': rest % 5, 'pb': rest // 5,
                'dict_size': int.from_bytes(props[1:], 'little')}
    if filter_id == FILTER_LZMA2:
        if len(props) != 1 or props[0] > 40:
            raise LZMAError("Invalid or unsupported options")
        code = props[0]
        size = 0xFFFFFFFF if code == 40 else (2 | (code & 1)) << (code // 2 + 11)
        return {'id': filter_id, 'dict_size': size}
    if filter_id == FILTER_DELTA:
        if len(props) != 1:
            raise LZMAError("Invalid or unsupported options")
        return {'id': filter_id, 'dist': props[0] + 1}
    if filter_id in _BCJ:
        if len(props) not in (0, 4):
            raise LZMAError("Invalid or unsupported options")
        return {'id': filter_id, 'start_offset': int.from_bytes(props, 'little')}
    raise ValueError("Invalid filter ID: %d" % filter_id)
