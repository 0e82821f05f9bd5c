# recv_into: fills the start of a bytearray and returns the count; nbytes limits it.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.bind(("127.0.0.1", 0))
    server.listen()
    client = socket.create_connection(server.getsockname(), timeout=5)
    conn, _ = server.accept()
    conn.settimeout(5)
    buf = bytearray(8)
    client.sendall(b"hello")
    print(conn.recv_into(buf), buf)
    client.sendall(b"0123456789")
    print(conn.recv_into(buf, 4), buf)
    got = 0
    while got < 6:
        got += conn.recv_into(buf)
    print(got, buf)
    print(conn.recv_into(bytearray()))
    for args in [(bytes(3),), ("x",), (buf, -1), (buf, 9)]:
        try:
            conn.recv_into(*args)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    client.close()
    print(conn.recv_into(buf, flags=0), buf)
    conn.close()
