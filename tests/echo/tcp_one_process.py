# A server socket and a client socket in one thread: 1 MB each way in 64 KB steps.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    client = socket.create_connection(("localhost", port), timeout=5)
    print(client.gettimeout())
    conn, address = server.accept()
    print(address == client.getsockname(), conn.getpeername() == client.getsockname())
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    chunk = b""
    for _ in range(256):
        chunk += bytes(range(256))
    total = 0
    for i in range(16):
        client.sendall(chunk)
        got = b""
        while len(got) < len(chunk):
            got += conn.recv(65536)
        conn.sendall(got)
        back = b""
        while len(back) < len(chunk):
            back += client.recv(65536)
        if back != chunk:
            print("mismatch at", i)
        total += len(back)
    print("echoed", total, "bytes")
    client.shutdown(socket.SHUT_WR)
    print(conn.recv(10))
    client.close()
    conn.close()
    print(conn.fileno(), client.fileno())
