# A TLS server and client over loopback in two threads, with the test certificates in
# _certs (a CA and a leaf for localhost/127.0.0.1 it signed): handshake, data both ways,
# the peer certificate, unwrap; and the failures verification gives.
import os
import socket
import ssl
import threading

HERE = os.path.join(os.path.dirname(__file__), "_certs")
CA = os.path.join(HERE, "ca.pem")
KEYCERT = os.path.join(HERE, "keycert.pem")


def serve(listener, context, log, echo=True):
    conn, _ = listener.accept()
    try:
        tls = context.wrap_socket(conn, server_side=True)
    except ssl.SSLError as e:
        log.append(("server failed", type(e).__name__))
        conn.close()
        return
    log.append(("server", tls.version() is not None, tls.getpeercert()))
    if echo:
        data = b""
        while not data.endswith(b"\n"):
            chunk = tls.recv(1024)
            if not chunk:
                break
            data += chunk
        tls.sendall(data.upper())
        plain = tls.unwrap()
        log.append(("server unwrapped", plain.fileno() >= 0))
        plain.close()
    else:
        tls.close()


def run(client_context, hostname, echo=True):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(KEYCERT)
    log = []
    thread = threading.Thread(target=serve, args=(listener, server_context, log, echo))
    thread.start()
    sock = socket.create_connection(listener.getsockname())
    try:
        tls = client_context.wrap_socket(sock, server_hostname=hostname)
    except ssl.SSLCertVerificationError as e:
        print("client:", type(e).__name__, e.reason, e.verify_code, e.verify_message)
        sock.close()
    else:
        if echo:
            print("version", tls.version(), "cipher", tls.cipher()[1:])
            der = tls.getpeercert(binary_form=True)
            with open(KEYCERT) as f:
                leaf = f.read().split("-----BEGIN PRIVATE KEY-----")[0]
            print("peer cert is the leaf:", der == ssl.PEM_cert_to_DER_cert(leaf.strip()))
            print(sorted(tls.getpeercert().items()))
            tls.sendall(b"hello over tls\n")
            reply = b""
            while not reply.endswith(b"\n"):
                reply += tls.recv(5)
            print("reply", reply)
            plain = tls.unwrap()
            print("client unwrapped", plain.fileno() >= 0)
            plain.close()
        else:
            tls.close()
    thread.join()
    listener.close()
    for entry in log:
        print(*entry)


verified = ssl.create_default_context(cafile=CA)
run(verified, "localhost")
run(verified, "127.0.0.1")
print("-- CA not loaded")
run(ssl.create_default_context(), "localhost", echo=False)
print("-- wrong host name")
run(verified, "example.com", echo=False)
print("-- no checks")
unchecked = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
unchecked.check_hostname = False
unchecked.verify_mode = ssl.CERT_NONE
run(unchecked, None)
print("-- no host name with check_hostname")
try:
    verified.wrap_socket(socket.socket())
except ValueError as e:
    print("ValueError:", e)
