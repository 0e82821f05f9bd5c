# SSLContext settings, constants and the exception hierarchy (no network).
import os
import ssl

HERE = os.path.join(os.path.dirname(__file__), "_certs")

print(ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER, ssl.PROTOCOL_TLS == ssl.PROTOCOL_SSLv23)
print(repr(ssl.CERT_NONE), repr(ssl.CERT_OPTIONAL), repr(ssl.CERT_REQUIRED))
print(ssl.HAS_SNI, ssl.HAS_ALPN, ssl.HAS_TLSv1_2, ssl.HAS_TLSv1_3)
print(int(ssl.OP_NO_SSLv3), int(ssl.OP_NO_TLSv1), int(ssl.OP_NO_COMPRESSION))
print(repr(ssl.TLSVersion.TLSv1_2), repr(ssl.TLSVersion.MAXIMUM_SUPPORTED))
for cls in (ssl.SSLError, ssl.SSLZeroReturnError, ssl.SSLWantReadError, ssl.SSLWantWriteError,
            ssl.SSLSyscallError, ssl.SSLEOFError, ssl.SSLCertVerificationError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
print(ssl.CertificateError is ssl.SSLCertVerificationError)
print(ssl.Purpose.SERVER_AUTH.oid, ssl.Purpose.CLIENT_AUTH.shortname)

client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(client.protocol, client.check_hostname, repr(client.verify_mode))
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
print(server.protocol, server.check_hostname, repr(server.verify_mode))
try:
    client.verify_mode = ssl.CERT_NONE
except ValueError as e:
    print("ValueError:", e)
client.check_hostname = False
client.verify_mode = ssl.CERT_NONE
print(client.check_hostname, repr(client.verify_mode))
client.check_hostname = True
print(repr(client.verify_mode))
default = ssl.create_default_context()
print(default.protocol, default.check_hostname, repr(default.verify_mode))
for_clients = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
print(for_clients.protocol, for_clients.check_hostname, repr(for_clients.verify_mode))
unverified = ssl._create_unverified_context()
print(unverified.check_hostname, repr(unverified.verify_mode))

ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(os.path.join(HERE, "ca.pem"))
print(ctx.cert_store_stats())
print(ctx.get_ca_certs())
print(ssl._ssl._test_decode_cert(os.path.join(HERE, "keycert.pem")))
with open(os.path.join(HERE, "ca.pem")) as f:
    pem = f.read()
der = ssl.PEM_cert_to_DER_cert(pem)
print(type(der).__name__, ssl.DER_cert_to_PEM_cert(der) == pem)
ctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx2.load_verify_locations(cadata=der)
ctx2.load_verify_locations(cadata=pem)
print(ctx2.cert_store_stats(), ctx2.get_ca_certs(binary_form=True) == [der, der])
try:
    ctx.load_verify_locations()
except TypeError as e:
    print("TypeError:", e)
try:
    ctx.load_verify_locations(os.path.join(HERE, "nope.pem"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
server.load_cert_chain(os.path.join(HERE, "keycert.pem"))
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
print(repr(ctx.minimum_version), repr(ctx.maximum_version))
ctx.set_alpn_protocols(["h2", "http/1.1"])
print(ssl.cert_time_to_seconds("Jan  5 09:34:43 2018 GMT"))
print(len(ssl.RAND_bytes(16)), ssl.RAND_status())
# A certificate with the extensions getpeercert() reports (made with `openssl req`).
print(ssl._ssl._test_decode_cert(os.path.join(HERE, "extensions.pem")))
