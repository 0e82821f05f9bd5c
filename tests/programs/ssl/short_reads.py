# TLS records arriving a byte at a time: the socket's recv is patched to return at most one
# byte (CPython's C-level reads do not go through it; the transfer is the same), and
# recv_into fills a caller's buffer.
import os
import socket
import ssl
import threading

HERE = os.path.join(os.path.dirname(__file__), "_certs")
DATA = bytes(range(256)) * 4

original_recv = socket.socket.recv


def one_byte_recv(sock, bufsize, flags=0):
    return original_recv(sock, 1, flags)


socket.socket.recv = one_byte_recv

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, "keycert.pem"))
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
received = []


def serve():
    conn, _ = listener.accept()
    with server_ctx.wrap_socket(conn, server_side=True) as tls:
        buf = bytearray(100)
        total = b""
        while len(total) < len(DATA):
            n = tls.recv_into(buf)
            total += bytes(buf[:n])
        received.append(total)
        tls.sendall(b"done")


thread = threading.Thread(target=serve)
thread.start()
client_ctx = ssl.create_default_context(cafile=os.path.join(HERE, "ca.pem"))
with client_ctx.wrap_socket(socket.create_connection(listener.getsockname()),
                            server_hostname="localhost") as tls:
    tls.sendall(DATA)
    reply = b""
    while len(reply) < 4:
        reply += tls.recv(4)
thread.join()
listener.close()
print(reply, received[0] == DATA, len(received[0]))
