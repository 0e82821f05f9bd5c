"""An event-driven echo server: one thread, non-blocking sockets and a selector, the
alternative to threads that David Beazley compares them with.

Usage: echo_server_selectors.py PORT
  PORT   TCP port on 127.0.0.1 (0: pick a free one; the ready line says which)

Prints "echo server ready on port N" once it accepts connections; runs until killed.
"""
import selectors
import socket
import sys


def accept(selector, server):
    try:
        conn, _ = server.accept()
    except BlockingIOError:
        return
    conn.setblocking(False)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    selector.register(conn, selectors.EVENT_READ, bytearray())


def close(selector, conn):
    selector.unregister(conn)
    conn.close()


def serve(selector, key, events):
    conn = key.fileobj
    pending = key.data
    if events & selectors.EVENT_READ:
        try:
            data = conn.recv(65536)
        except BlockingIOError:
            data = None
        except ConnectionError:
            close(selector, conn)
            return
        if data == b"":
            close(selector, conn)
            return
        if data:
            pending += data
    if pending:
        try:
            sent = conn.send(bytes(pending[:262144]))
        except BlockingIOError:
            sent = 0
        except ConnectionError:
            close(selector, conn)
            return
        del pending[:sent]
    wanted = selectors.EVENT_READ | (selectors.EVENT_WRITE if pending else 0)
    if wanted != key.events:
        selector.modify(conn, wanted, pending)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(4096)
    server.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ, None)
    print("echo server ready on port", server.getsockname()[1], flush=True)
    while True:
        for key, events in selector.select():
            if key.data is None:
                accept(selector, key.fileobj)
            else:
                serve(selector, key, events)


main()
