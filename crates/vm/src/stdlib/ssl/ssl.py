# gilvm's ssl: CPython 3.11's API over rustls (the native `_ssl`, stdlib/ssl/mod.rs).
# A TLS connection is an engine on bytes in memory; SSLObject moves its bytes through
# MemoryBIOs and SSLSocket through a socket (whose calls release the GIL). What rustls
# cannot do (SSLv3/TLS 1.0/1.1, OpenSSL cipher strings, encrypted keys) raises
# NotImplementedError.
"""This module provides some more Pythonic support for SSL."""

import os
import socket
import _ssl
from collections import namedtuple
from enum import Enum as _Enum, IntEnum as _IntEnum, IntFlag as _IntFlag

OPENSSL_VERSION = "rustls 0.23 (ring)"
OPENSSL_VERSION_INFO = (0, 0, 0, 0, 0)
OPENSSL_VERSION_NUMBER = 0
_OPENSSL_API_VERSION = (0, 0, 0, 0, 0)

HAS_SNI = True
HAS_ALPN = True
HAS_ECDH = True
HAS_NPN = False
HAS_NEVER_CHECK_COMMON_NAME = True
HAS_SSLv2 = False
HAS_SSLv3 = False
HAS_TLSv1 = False
HAS_TLSv1_1 = False
HAS_TLSv1_2 = True
HAS_TLSv1_3 = True
CHANNEL_BINDING_TYPES = []


class _SSLMethod(_IntEnum):
    PROTOCOL_SSLv23 = 2
    PROTOCOL_TLS_CLIENT = 16
    PROTOCOL_TLS_SERVER = 17


_SSLMethod.PROTOCOL_TLS = _SSLMethod.PROTOCOL_SSLv23
PROTOCOL_SSLv23 = PROTOCOL_TLS = _SSLMethod.PROTOCOL_SSLv23
PROTOCOL_TLS_CLIENT = _SSLMethod.PROTOCOL_TLS_CLIENT
PROTOCOL_TLS_SERVER = _SSLMethod.PROTOCOL_TLS_SERVER


class VerifyMode(_IntEnum):
    CERT_NONE = 0
    CERT_OPTIONAL = 1
    CERT_REQUIRED = 2


CERT_NONE = VerifyMode.CERT_NONE
CERT_OPTIONAL = VerifyMode.CERT_OPTIONAL
CERT_REQUIRED = VerifyMode.CERT_REQUIRED


class VerifyFlags(_IntFlag):
    VERIFY_DEFAULT = 0
    VERIFY_CRL_CHECK_LEAF = 4
    VERIFY_CRL_CHECK_CHAIN = 12
    VERIFY_X509_STRICT = 32
    VERIFY_X509_TRUSTED_FIRST = 32768
    VERIFY_X509_PARTIAL_CHAIN = 524288
    VERIFY_ALLOW_PROXY_CERTS = 64


globals().update(VerifyFlags.__members__)


class Options(_IntFlag):
    OP_ALL = 2147483728
    OP_NO_SSLv2 = 0
    OP_NO_SSLv3 = 33554432
    OP_NO_TLSv1 = 67108864
    OP_NO_TLSv1_1 = 268435456
    OP_NO_TLSv1_2 = 134217728
    OP_NO_TLSv1_3 = 536870912
    OP_CIPHER_SERVER_PREFERENCE = 4194304
    OP_SINGLE_DH_USE = 0
    OP_SINGLE_ECDH_USE = 0
    OP_NO_COMPRESSION = 131072
    OP_NO_TICKET = 16384
    OP_NO_RENEGOTIATION = 1073741824
    OP_ENABLE_MIDDLEBOX_COMPAT = 1048576
    OP_IGNORE_UNEXPECTED_EOF = 128


globals().update(Options.__members__)


class TLSVersion(_IntEnum):
    MINIMUM_SUPPORTED = -2
    SSLv3 = 768
    TLSv1 = 769
    TLSv1_1 = 770
    TLSv1_2 = 771
    TLSv1_3 = 772
    MAXIMUM_SUPPORTED = -1


class AlertDescription(_IntEnum):
    ALERT_DESCRIPTION_CLOSE_NOTIFY = 0
    ALERT_DESCRIPTION_UNEXPECTED_MESSAGE = 10
    ALERT_DESCRIPTION_BAD_RECORD_MAC = 20
    ALERT_DESCRIPTION_HANDSHAKE_FAILURE = 40
    ALERT_DESCRIPTION_BAD_CERTIFICATE = 42
    ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE = 43
    ALERT_DESCRIPTION_CERTIFICATE_REVOKED = 44
    ALERT_DESCRIPTION_CERTIFICATE_EXPIRED = 45
    ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN = 46
    ALERT_DESCRIPTION_ILLEGAL_PARAMETER = 47
    ALERT_DESCRIPTION_UNKNOWN_CA = 48
    ALERT_DESCRIPTION_ACCESS_DENIED = 49
    ALERT_DESCRIPTION_DECODE_ERROR = 50
    ALERT_DESCRIPTION_DECRYPT_ERROR = 51
    ALERT_DESCRIPTION_PROTOCOL_VERSION = 70
    ALERT_DESCRIPTION_INSUFFICIENT_SECURITY = 71
    ALERT_DESCRIPTION_INTERNAL_ERROR = 80
    ALERT_DESCRIPTION_USER_CANCELLED = 90
    ALERT_DESCRIPTION_NO_RENEGOTIATION = 100
    ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION = 110
    ALERT_DESCRIPTION_UNRECOGNIZED_NAME = 112
    ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY = 115


globals().update(AlertDescription.__members__)


class SSLErrorNumber(_IntEnum):
    SSL_ERROR_SSL = 1
    SSL_ERROR_WANT_READ = 2
    SSL_ERROR_WANT_WRITE = 3
    SSL_ERROR_WANT_X509_LOOKUP = 4
    SSL_ERROR_SYSCALL = 5
    SSL_ERROR_ZERO_RETURN = 6
    SSL_ERROR_WANT_CONNECT = 7
    SSL_ERROR_EOF = 8
    SSL_ERROR_INVALID_ERROR_CODE = 10


globals().update(SSLErrorNumber.__members__)


class SSLError(OSError):
    """An error occurred in the SSL implementation."""
    library = None
    reason = None

    def __str__(self):
        # As _ssl.c's: the message alone, else the arguments' tuple.
        if isinstance(self.strerror, str):
            return self.strerror
        return str(self.args)


class SSLZeroReturnError(SSLError):
    """SSL/TLS session closed cleanly."""


class SSLWantReadError(SSLError):
    """Non-blocking SSL socket needs to read more data before the requested operation can be
    completed."""


class SSLWantWriteError(SSLError):
    """Non-blocking SSL socket needs to write more data before the requested operation can be
    completed."""


class SSLSyscallError(SSLError):
    """System error when attempting SSL operation."""


class SSLEOFError(SSLError):
    """SSL/TLS connection terminated abruptly."""


class SSLCertVerificationError(SSLError, ValueError):
    """A certificate could not be verified."""
    verify_code = None
    verify_message = None


CertificateError = SSLCertVerificationError


def _ssl_error(cls, errno, reason, message, library="SSL"):
    text = "[%s: %s] %s" % (library, reason, message) if reason else message
    exc = cls(errno, text)
    exc.reason = reason or None
    exc.library = library if reason else None
    return exc


def _hooks_for(hostname):
    def hooks(kind, reason, message):
        if kind == "cert":
            if reason == 62:
                message = "%s for '%s'." % (message, hostname)
            exc = _ssl_error(SSLCertVerificationError, 1, "CERTIFICATE_VERIFY_FAILED",
                             "certificate verify failed: " + message)
            exc.verify_code = reason
            exc.verify_message = message
            return exc
        if kind == "eof":
            return _ssl_error(SSLEOFError, 8, reason, message)
        return _ssl_error(SSLError, 1, reason, message)
    return hooks


class _ASN1Object(namedtuple("_ASN1Object", "nid shortname longname oid")):
    """ASN.1 object identifier lookup"""

    # gilvm's namedtuples refuse every attribute; Purpose's enum machinery sets some.
    __setattr__ = object.__setattr__


class Purpose(_ASN1Object, _Enum):
    """SSLContext purpose flags with X509v3 Extended Key Usage objects"""
    SERVER_AUTH = (129, "serverAuth", "TLS Web Server Authentication", "1.3.6.1.5.5.7.3.1")
    CLIENT_AUTH = (130, "clientAuth", "TLS Web Client Authentication", "1.3.6.1.5.5.7.3.2")


DefaultVerifyPaths = namedtuple(
    "DefaultVerifyPaths",
    "cafile capath openssl_cafile_env openssl_cafile openssl_capath_env openssl_capath")


def get_default_verify_paths():
    """The default certificates are webpki-roots' (built in): no file or folder."""
    return DefaultVerifyPaths(None, None, "SSL_CERT_FILE", None, "SSL_CERT_DIR", None)


def _not_supported(what):
    raise NotImplementedError("gilvm's ssl (rustls) does not support " + what)


def _read_file(path):
    with open(os.fspath(path), "rb") as f:
        return f.read()


class SSLContext:
    """An SSLContext holds various SSL-related configuration options and data, such as
    certificates and possibly a private key."""

    sslsocket_class = None
    sslobject_class = None

    def __init__(self, protocol=None, *args, **kwargs):
        if protocol is None:
            import warnings
            warnings.warn("ssl.SSLContext() without protocol argument is deprecated.",
                          category=DeprecationWarning, stacklevel=2)
            protocol = PROTOCOL_TLS
        if protocol not in (2, 16, 17):
            _not_supported("protocol %r (only TLS 1.2 and 1.3)" % (protocol,))
        self._protocol = _SSLMethod(protocol)
        client = protocol == PROTOCOL_TLS_CLIENT
        self._check_hostname = client
        self._verify_mode = CERT_REQUIRED if client else CERT_NONE
        self._ca_data = []
        self._default_roots = False
        self._chain = None
        self._alpn = []
        self._minimum_version = TLSVersion.MINIMUM_SUPPORTED
        self._maximum_version = TLSVersion.MAXIMUM_SUPPORTED
        self.options = Options(OP_ALL | OP_NO_SSLv3 | OP_NO_COMPRESSION
                               | OP_CIPHER_SERVER_PREFERENCE | OP_ENABLE_MIDDLEBOX_COMPAT
                               | OP_NO_RENEGOTIATION)
        self.verify_flags = VerifyFlags.VERIFY_X509_TRUSTED_FIRST
        self.post_handshake_auth = False
        self.hostname_checks_common_name = False
        self.keylog_filename = None
        self.security_level = 2
        self._sni_callback = None

    @property
    def protocol(self):
        return self._protocol

    @property
    def check_hostname(self):
        return self._check_hostname

    @check_hostname.setter
    def check_hostname(self, value):
        value = bool(value)
        if value and self._verify_mode == CERT_NONE:
            self._verify_mode = CERT_REQUIRED
        self._check_hostname = value

    @property
    def verify_mode(self):
        return self._verify_mode

    @verify_mode.setter
    def verify_mode(self, value):
        if value not in (0, 1, 2):
            raise ValueError("invalid value for verify_mode")
        if value == CERT_NONE and self._check_hostname:
            raise ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is "
                             "enabled.")
        self._verify_mode = VerifyMode(value)

    @property
    def minimum_version(self):
        return self._minimum_version

    @minimum_version.setter
    def minimum_version(self, value):
        self._minimum_version = TLSVersion(value)

    @property
    def maximum_version(self):
        return self._maximum_version

    @maximum_version.setter
    def maximum_version(self, value):
        self._maximum_version = TLSVersion(value)

    @property
    def sni_callback(self):
        return self._sni_callback

    @sni_callback.setter
    def sni_callback(self, value):
        if value is not None:
            _not_supported("sni_callback")

    def set_servername_callback(self, callback):
        self.sni_callback = callback

    def load_cert_chain(self, certfile, keyfile=None, password=None):
        if password is not None:
            _not_supported("encrypted private keys (password=)")
        certs = _read_file(certfile)
        key = certs if keyfile is None else _read_file(keyfile)
        _ssl._check_chain(certs, key, _hooks_for(None))
        self._chain = (certs, key)

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        if cafile is None and capath is None and cadata is None:
            raise TypeError("cafile, capath and cadata cannot be all omitted")
        found = []
        if cafile is not None:
            found.append(_read_file(cafile))
        if capath is not None:
            for name in sorted(os.listdir(capath)):
                data = _read_file(os.path.join(capath, name))
                if b"-----BEGIN CERTIFICATE-----" in data:
                    found.append(data)
        if cadata is not None:
            if isinstance(cadata, str):
                found.append(cadata.encode("ascii"))
            else:
                found.append(bytes(memoryview(cadata)))
        for data in found:
            _ssl._check_ca(data, _hooks_for(None))
        self._ca_data.extend(found)

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        if not isinstance(purpose, _ASN1Object):
            raise TypeError(purpose)
        self._default_roots = True

    def set_default_verify_paths(self):
        self._default_roots = True

    def _ca_ders(self):
        ders = []
        for data in self._ca_data:
            if b"-----BEGIN" in data:
                found = [PEM_cert_to_DER_cert(p) for p in _pem_blocks(data)]
            else:
                found = [data]
            ders.extend(d for d in found if d not in ders)
        return ders

    def get_ca_certs(self, binary_form=False):
        ders = self._ca_ders()
        return ders if binary_form else [_ssl._decode_cert(d) for d in ders]

    def cert_store_stats(self):
        n = len(self._ca_ders())
        return {"x509": n, "crl": 0, "x509_ca": n}

    def set_alpn_protocols(self, alpn_protocols):
        protos = []
        for p in alpn_protocols:
            b = bytes(p, "ascii")
            if len(b) == 0 or len(b) > 255:
                raise SSLError("ALPN protocols must be 1 to 255 in length")
            protos.append(b)
        self._alpn = protos

    def set_npn_protocols(self, npn_protocols):
        _not_supported("NPN")

    def set_ciphers(self, ciphers, /):
        _not_supported("OpenSSL cipher strings (set_ciphers); rustls's suites are used")

    def get_ciphers(self):
        _not_supported("get_ciphers()")

    def set_ecdh_curve(self, name, /):
        _not_supported("set_ecdh_curve()")

    def load_dh_params(self, path, /):
        _not_supported("DH parameters")

    def session_stats(self):
        return {k: 0 for k in ("number", "connect", "connect_good", "connect_renegotiate",
                               "accept", "accept_good", "accept_renegotiate", "hits",
                               "misses", "timeouts", "cache_full")}

    def _settings(self):
        return (int(self._verify_mode), self._check_hostname, list(self._ca_data),
                self._default_roots, self._chain, list(self._alpn),
                int(self._minimum_version), int(self._maximum_version))

    def _engine(self, server_side, server_hostname):
        if server_side:
            if server_hostname:
                raise ValueError("server_hostname can only be specified in client mode")
            if self._protocol == PROTOCOL_TLS_CLIENT:
                raise ValueError("Cannot create a server socket with a PROTOCOL_TLS_CLIENT "
                                 "context")
        else:
            if self._protocol == PROTOCOL_TLS_SERVER:
                raise ValueError("Cannot create a client socket with a PROTOCOL_TLS_SERVER "
                                 "context")
            if self._check_hostname and not server_hostname:
                raise ValueError("check_hostname requires server_hostname")
        hooks = _hooks_for(server_hostname)
        return _ssl._new(server_side, server_hostname, self._settings(), hooks), hooks

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True,
                    suppress_ragged_eofs=True, server_hostname=None, session=None):
        if session is not None:
            _not_supported("sessions")
        return SSLSocket(sock, self, server_side, server_hostname, do_handshake_on_connect,
                         suppress_ragged_eofs)

    def wrap_bio(self, incoming, outgoing, server_side=False, server_hostname=None,
                 session=None):
        if session is not None:
            _not_supported("sessions")
        return SSLObject(incoming, outgoing, self, server_side, server_hostname)


class MemoryBIO:
    """A buffer of bytes for SSLObject: one end writes, the other reads."""

    def __init__(self):
        self._buffer = bytearray()
        self._eof = False

    @property
    def pending(self):
        return len(self._buffer)

    @property
    def eof(self):
        return self._eof and not self._buffer

    def read(self, size=-1, /):
        if size < 0 or size > len(self._buffer):
            size = len(self._buffer)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def write(self, b, /):
        if self._eof:
            raise SSLError("cannot write() after write_eof()")
        data = bytes(memoryview(b))
        self._buffer += data
        return len(data)

    def write_eof(self):
        self._eof = True


class _TLS:
    """What SSLObject and SSLSocket share: the engine, driven by `_fill` (ciphertext in,
    raising SSLWantReadError when none can come now) and `_flush` (ciphertext out)."""

    _engine = None

    def _feed(self, data):
        try:
            _ssl._feed(self._engine, data, self._hooks)
        except SSLError:
            # rustls queued an alert telling the peer why: send it if we can.
            try:
                self._flush()
            except OSError:
                pass
            raise

    def _require_engine(self):
        if self._engine is None:
            raise ValueError("SSL object has no engine: the socket is not connected")

    def do_handshake(self):
        self._require_engine()
        while _ssl._handshaking(self._engine):
            self._flush()
            if not _ssl._handshaking(self._engine):
                break
            self._fill()
        self._flush()
        self._handshake_done = True

    def read(self, len=1024, buffer=None):
        self._require_engine()
        n = len
        if buffer is not None and (n <= 0 or n > _len_of(buffer)):
            n = _len_of(buffer)
        if n <= 0:
            return b"" if buffer is None else 0
        try:
            data = self._read(n)
        except SSLEOFError:
            if not self.suppress_ragged_eofs:
                raise
            data = b""
        if buffer is None:
            return data
        buffer[:_len_of(data)] = data
        return _len_of(data)

    def _read(self, n):
        while True:
            if _ssl._handshaking(self._engine):
                self.do_handshake()
            data = _ssl._read(self._engine, n, self._hooks)
            if data is not None:
                return data
            self._flush()
            self._fill()

    def write(self, data):
        self._require_engine()
        if _ssl._handshaking(self._engine):
            self.do_handshake()
        n = _ssl._write(self._engine, data)
        self._flush()
        return n

    def _info(self):
        if self._engine is None:
            return (None, None, None, [])
        return _ssl._info(self._engine)

    def getpeercert(self, binary_form=False):
        if not getattr(self, "_handshake_done", False):
            raise ValueError("handshake not done yet")
        certs = self._info()[3]
        if not certs:
            return None
        if binary_form:
            return certs[0]
        if self.context.verify_mode == CERT_NONE:
            return {}
        return _ssl._decode_cert(certs[0])

    def version(self):
        return self._info()[0] if getattr(self, "_handshake_done", False) else None

    def cipher(self):
        return self._info()[1] if getattr(self, "_handshake_done", False) else None

    def shared_ciphers(self):
        return None

    def compression(self):
        return None

    def selected_alpn_protocol(self):
        alpn = self._info()[2]
        return None if alpn is None else alpn.decode("ascii")

    def selected_npn_protocol(self):
        return None

    def pending(self):
        return 0 if self._engine is None else _ssl._pending(self._engine)

    def get_channel_binding(self, cb_type="tls-unique"):
        _not_supported("channel bindings")

    def verify_client_post_handshake(self):
        _not_supported("post-handshake authentication")


_len_of = len


class SSLObject(_TLS):
    """TLS over two MemoryBIOs: the caller moves their bytes."""

    def __init__(self, incoming, outgoing, context, server_side=False, server_hostname=None):
        self._incoming = incoming
        self._outgoing = outgoing
        self.context = context
        self.server_side = server_side
        self.server_hostname = server_hostname
        self.suppress_ragged_eofs = False
        self._handshake_done = False
        self._engine, self._hooks = context._engine(server_side, server_hostname)

    def _flush(self):
        data = _ssl._take(self._engine)
        if data:
            self._outgoing.write(data)

    def _fill(self):
        data = self._incoming.read()
        if data:
            self._feed(data)
        elif self._incoming.eof:
            self._feed(b"")
        else:
            raise _ssl_error(SSLWantReadError, 2, "", "The operation did not complete (read)")

    def unwrap(self):
        _ssl._shutdown(self._engine)
        self._flush()

    @property
    def session(self):
        return None

    @property
    def session_reused(self):
        return False


class SSLSocket(_TLS):
    """TLS over a socket. gilvm's SSLSocket wraps the socket rather than subclassing it:
    other socket methods are the wrapped socket's."""

    def __init__(self, sock, context, server_side=False, server_hostname=None,
                 do_handshake_on_connect=True, suppress_ragged_eofs=True):
        if sock.type != socket.SOCK_STREAM:
            raise NotImplementedError("only stream sockets are supported")
        self._sock = sock
        self.context = context
        self.server_side = server_side
        self.server_hostname = server_hostname
        self.do_handshake_on_connect = do_handshake_on_connect
        self.suppress_ragged_eofs = suppress_ragged_eofs
        self._handshake_done = False
        self._hooks = None
        if server_side or context._check_hostname or server_hostname:
            # Checked now, as CPython does, even before the socket connects.
            context._engine(server_side, server_hostname)
        try:
            sock.getpeername()
        except OSError:
            return
        self._start()

    def _start(self):
        self._engine, self._hooks = self.context._engine(self.server_side,
                                                         self.server_hostname)
        if self.do_handshake_on_connect:
            self.do_handshake()

    def __getattr__(self, name):
        sock = self.__dict__.get("_sock")
        if sock is None:
            raise AttributeError(name)
        return getattr(sock, name)

    def __repr__(self):
        return "<ssl.SSLSocket %r>" % (self._sock,)

    def _flush(self):
        data = _ssl._take(self._engine)
        if data:
            self._sock.sendall(data)

    def _fill(self):
        try:
            data = self._sock.recv(17 * 1024)
        except BlockingIOError:
            raise _ssl_error(SSLWantReadError, 2, "",
                             "The operation did not complete (read)") from None
        if not data and _ssl._handshaking(self._engine):
            raise _ssl_error(SSLEOFError, 8, "UNEXPECTED_EOF_WHILE_READING",
                             "EOF occurred in violation of protocol")
        self._feed(data)

    def connect(self, address):
        self._sock.connect(address)
        self._start()

    def connect_ex(self, address):
        err = self._sock.connect_ex(address)
        if err == 0:
            self._start()
        return err

    def accept(self):
        conn, address = self._sock.accept()
        return self.context.wrap_socket(
            conn, server_side=True, do_handshake_on_connect=self.do_handshake_on_connect,
            suppress_ragged_eofs=self.suppress_ragged_eofs), address

    def _no_flags(self, flags, method):
        if flags != 0:
            raise ValueError("non-zero flags not allowed in calls to %s() on %s"
                             % (method, self.__class__))

    def recv(self, buflen=1024, flags=0):
        self._no_flags(flags, "recv")
        return self.read(buflen)

    def recv_into(self, buffer, nbytes=None, flags=0):
        self._no_flags(flags, "recv_into")
        return self.read(nbytes or len(buffer), buffer)

    def send(self, data, flags=0):
        self._no_flags(flags, "send")
        return self.write(data)

    def sendall(self, data, flags=0):
        self._no_flags(flags, "sendall")
        self.write(data)

    def unwrap(self):
        """Sends close_notify, waits for the peer's, and returns the plain socket."""
        self._require_engine()
        _ssl._shutdown(self._engine)
        self._flush()
        try:
            while _ssl._read(self._engine, 16384, self._hooks) != b"":
                data = self._sock.recv(17 * 1024)
                if not data:
                    break
                self._feed(data)
        except SSLEOFError:
            pass
        self._engine = None
        sock, self._sock = self._sock, None
        return sock

    def close(self):
        if self._sock is not None:
            self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    @property
    def session(self):
        return None

    @property
    def session_reused(self):
        return False


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None,
                           cadata=None):
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
        context.verify_mode = CERT_REQUIRED
        context.check_hostname = True
    elif purpose == Purpose.CLIENT_AUTH:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    else:
        raise ValueError(purpose)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE, check_hostname=False,
                               purpose=Purpose.SERVER_AUTH, certfile=None, keyfile=None,
                               cafile=None, capath=None, cadata=None):
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if protocol is None:
        protocol = PROTOCOL_TLS_SERVER if purpose == Purpose.CLIENT_AUTH else PROTOCOL_TLS_CLIENT
    context = SSLContext(protocol)
    context.check_hostname = check_hostname
    if cert_reqs is not None:
        context.verify_mode = cert_reqs
    if keyfile and not certfile:
        raise ValueError("certfile must be specified")
    if certfile or keyfile:
        context.load_cert_chain(certfile, keyfile)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


_create_default_https_context = create_default_context
_create_stdlib_context = _create_unverified_context

PEM_HEADER = "-----BEGIN CERTIFICATE-----"
PEM_FOOTER = "-----END CERTIFICATE-----"


def _pem_blocks(data):
    text = data.decode("ascii", "replace")
    blocks = []
    while PEM_HEADER in text:
        start = text.index(PEM_HEADER)
        end = text.index(PEM_FOOTER, start) + len(PEM_FOOTER)
        blocks.append(text[start:end] + "\n")
        text = text[end:]
    return blocks


def DER_cert_to_PEM_cert(der_cert_bytes):
    """Takes a certificate in binary DER format and returns the PEM version of it as a
    string."""
    import base64
    import textwrap
    f = str(base64.standard_b64encode(der_cert_bytes), "ASCII", "strict")
    ss = [PEM_HEADER]
    ss += [f[i:i + 64] for i in range(0, len(f), 64)]
    ss.append(PEM_FOOTER + "\n")
    return "\n".join(ss)


def PEM_cert_to_DER_cert(pem_cert_string):
    """Takes a certificate in ASCII PEM format and returns the DER-encoded version of it
    as a byte sequence"""
    import base64
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError("Invalid PEM encoding; must start with %s" % PEM_HEADER)
    if not pem_cert_string.strip().endswith(PEM_FOOTER):
        raise ValueError("Invalid PEM encoding; must end with %s" % PEM_FOOTER)
    d = pem_cert_string.strip()[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(d.encode("ASCII", "strict"))


def cert_time_to_seconds(cert_time):
    """Return the time in seconds since the Epoch, given the timestring representing the
    "notBefore" or "notAfter" date from a certificate in ``"%b %d %H:%M:%S %Y %Z"`` strptime
    format (C locale)."""
    from time import strptime
    from calendar import timegm
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
    time_format = " %d %H:%M:%S %Y GMT"
    try:
        month_number = months.index(cert_time[:3].title()) + 1
    except ValueError:
        raise ValueError("time data %r does not match format \"%%b%s\""
                         % (cert_time, time_format))
    else:
        tt = strptime(cert_time[3:], time_format)
        return timegm((tt[0], month_number) + tt[2:6])


def RAND_bytes(n, /):
    if n < 0:
        raise ValueError("num must be positive")
    return _ssl._rand_bytes(n)


def RAND_status():
    return True


def RAND_add(string, entropy, /):
    pass


def wrap_socket(*args, **kwargs):
    raise NotImplementedError("ssl.wrap_socket() was deprecated; use SSLContext.wrap_socket()")
