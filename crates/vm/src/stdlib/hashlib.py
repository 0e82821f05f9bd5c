# gilvm's hashlib module: md5, sha1, the sha2 and sha3 families, blake2b/blake2s and shake,
# over the native hash states of hashlib.rs (the RustCrypto crates).

algorithms_guaranteed = {'blake2b', 'blake2s', 'md5', 'sha1', 'sha224', 'sha256', 'sha384',
                         'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'sha512',
                         'shake_128', 'shake_256'}
algorithms_available = set(algorithms_guaranteed)

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac',
           'file_digest')

# name: (digest_size, block_size)
_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
    'sha384': (48, 128), 'sha512': (64, 128), 'sha3_224': (28, 144), 'sha3_256': (32, 136),
    'sha3_384': (48, 104), 'sha3_512': (64, 72), 'blake2b': (64, 128), 'blake2s': (32, 64),
    'shake_128': (0, 168), 'shake_256': (0, 136),
}


def _check_data(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError('object supporting the buffer API required')


class HASH:
    def __init__(self, name, data=b'', digest_size=None, _state=None):
        self.name = name
        size, self.block_size = _SIZES[name]
        self.digest_size = size if digest_size is None else digest_size
        if _state is not None:
            self._state = _state
            return
        self._state = _hash_new(name, self.digest_size)
        if data:
            self.update(data)

    def update(self, data, /):
        _check_data(data)
        _hash_update(self._state, data)

    def digest(self):
        return _hash_digest(self._state, 0)

    def hexdigest(self):
        return _hash_digest(self._state, 0).hex()

    def copy(self):
        return type(self)(self.name, digest_size=self.digest_size,
                          _state=_hash_copy(self._state))

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %s>' % (self.name, hex(id(self)))


class HASHXOF(HASH):
    def digest(self, length):
        return _hash_digest(self._state, _length(length))

    def hexdigest(self, length):
        return _hash_digest(self._state, _length(length)).hex()


def _length(length):
    if not isinstance(length, int):
        raise TypeError(f"'{type(length).__name__}' object cannot be interpreted as an integer")
    if length < 0:
        raise ValueError('negative digest length')
    return length


def _make(name, data):
    if data is None:
        data = b''
    _check_data(data) if data else None
    if name.startswith('shake_'):
        return HASHXOF(name, data)
    return HASH(name, data)


def new(name, data=b'', **kwargs):
    if not isinstance(name, str):
        raise TypeError(f'new() argument \'name\' must be str, not {type(name).__name__}')
    key = name.lower()
    if key not in _SIZES:
        raise ValueError('unsupported hash type ' + name)
    if key in ('blake2b', 'blake2s'):
        return _blake2(key, data, **kwargs)
    return _make(key, kwargs.get('string', data))


def md5(data=b'', *, usedforsecurity=True, string=None):
    return _make('md5', data if string is None else string)


def sha1(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha1', data if string is None else string)


def sha224(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha224', data if string is None else string)


def sha256(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha256', data if string is None else string)


def sha384(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha384', data if string is None else string)


def sha512(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha512', data if string is None else string)


def sha3_224(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha3_224', data if string is None else string)


def sha3_256(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha3_256', data if string is None else string)


def sha3_384(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha3_384', data if string is None else string)


def sha3_512(data=b'', *, usedforsecurity=True, string=None):
    return _make('sha3_512', data if string is None else string)


def shake_128(data=b'', *, usedforsecurity=True, string=None):
    return _make('shake_128', data if string is None else string)


def shake_256(data=b'', *, usedforsecurity=True, string=None):
    return _make('shake_256', data if string is None else string)


def _blake2(name, data=b'', *, digest_size=None, usedforsecurity=True):
    limit = _SIZES[name][0]
    if digest_size is None:
        digest_size = limit
    if not 1 <= digest_size <= limit:
        raise ValueError('digest_size must be between 1 and %d bytes' % limit)
    if data:
        _check_data(data)
    return HASH(name, data, digest_size)


def blake2b(data=b'', *, digest_size=64, usedforsecurity=True):
    return _blake2('blake2b', data, digest_size=digest_size)


def blake2s(data=b'', *, digest_size=32, usedforsecurity=True):
    return _blake2('blake2s', data, digest_size=digest_size)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj


_INT_MAX = 2147483647
_LONG_MAX = 9223372036854775807


def _bytes_like(value):
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'")


def _c_long(value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if not -_LONG_MAX - 1 <= value <= _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return value


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as
pseudorandom function."""
    # The checks and messages of CPython's _hashlib.pbkdf2_hmac; the derivation is CPython
    # 3.11's pure-Python fallback (Lib/hashlib.py, see NOTICE).
    if not isinstance(hash_name, str):
        raise TypeError("pbkdf2_hmac() argument 'hash_name' must be str, not "
                        + type(hash_name).__name__)
    _bytes_like(password)
    _bytes_like(salt)
    if _c_long(iterations) < 1:
        raise ValueError("iteration value must be greater than 0.")
    if iterations > _INT_MAX:
        raise OverflowError("iteration value is too great.")
    if dklen is not None:
        if _c_long(dklen) < 1:
            raise ValueError("key length must be greater than 0.")
        if dklen > _INT_MAX:
            raise OverflowError("key length is too great.")
    inner = new(hash_name)
    outer = new(hash_name)
    blocksize = inner.block_size
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = bytes(password) + b'\x00' * (blocksize - len(password))
    inner.update(bytes(x ^ 0x36 for x in password))
    outer.update(bytes(x ^ 0x5C for x in password))

    def prf(msg):
        # The key is fixed: copies of the keyed states skip the key schedule.
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if dklen is None:
        dklen = outer.digest_size
    dkey = b''
    loop = 1
    from_bytes = int.from_bytes
    while len(dkey) < dklen:
        prev = prf(bytes(salt) + loop.to_bytes(4, 'big'))
        rkey = from_bytes(prev, 'big')
        for i in range(iterations - 1):
            prev = prf(prev)
            rkey ^= from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]
