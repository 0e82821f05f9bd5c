# gilvm's zlib module: compress/decompress, compressobj/decompressobj, crc32, adler32,
# zlib.error; the native side (zlib.rs) runs the system zlib through flate2.

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6


class error(Exception):
    pass


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    return _compress(data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    if bufsize < 0:
        raise ValueError('bufsize must be non-negative')
    return _decompress(data, wbits)


class Compress:
    def __init__(self, handle):
        self._handle = handle

    def compress(self, data, /):
        return _comp_compress(self._handle, data)

    def flush(self, mode=Z_FINISH, /):
        return _comp_flush(self._handle, mode)


class Decompress:
    def __init__(self, handle):
        self._handle = handle
        self.unused_data = b''
        self.unconsumed_tail = b''
        self.eof = False

    def decompress(self, data, /, max_length=0):
        if max_length < 0:
            raise ValueError('max_length must be non-negative')
        if self.eof:
            self.unused_data += bytes(data)
            return b''
        out, consumed, ended = _decomp_decompress(self._handle, data, max_length)
        if ended:
            self.eof = True
            self.unused_data = bytes(data[consumed:])
            self.unconsumed_tail = b''
        else:
            self.unconsumed_tail = bytes(data[consumed:])
        return out

    def flush(self, length=DEF_BUF_SIZE, /):
        if length <= 0:
            raise ValueError('length must be greater than zero')
        if self.eof:
            return b''
        data = self.unconsumed_tail
        out, consumed, ended = _decomp_decompress(self._handle, data, 0)
        self.unconsumed_tail = b''
        if ended:
            self.eof = True
            self.unused_data = bytes(data[consumed:])
        return out


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    return Compress(_compressobj(level, wbits))


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    return Decompress(_decompressobj(wbits))
