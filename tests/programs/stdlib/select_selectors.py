import select
import selectors
import socket

a, b = socket.socketpair() if hasattr(socket, "socketpair") else (None, None)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(1)
client = socket.create_connection(server.getsockname())
conn, _ = server.accept()
print(select.select([conn], [], [], 0))
print(select.select([], [client], [], 0)[1] == [client])
client.sendall(b"ping")
r, w, x = select.select([conn, server], [], [], 5)
print(r == [conn], w, x)
print(conn.recv(10))
p = select.poll()
p.register(conn, select.POLLIN)
print(p.poll(0))
client.sendall(b"x")
print(p.poll(1000) == [(conn.fileno(), select.POLLIN)])
conn.recv(1)
p.modify(conn, select.POLLOUT)
print(p.poll(0) == [(conn.fileno(), select.POLLOUT)])
p.unregister(conn)
print(p.poll(0))
for call in [lambda: p.unregister(conn), lambda: p.modify(conn, 1), lambda: select.select([object()], [], []),
             lambda: select.select([-1], [], []), lambda: select.select([], [], [], -1)]:
    try:
        call()
    except (KeyError, OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e if not isinstance(e, KeyError) else "KeyError")

sel = selectors.DefaultSelector()
key = sel.register(conn, selectors.EVENT_READ, "conn-data")
print(key.fd == conn.fileno(), key.events, key.data, key.fileobj is conn)
print(sel.select(0))
client.sendall(b"hello")
ready = sel.select(1)
print(len(ready), ready[0][0].data, ready[0][1] == selectors.EVENT_READ)
print(conn.recv(100))
key = sel.modify(conn, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
print(key.events, key.data, [(k.data, e) for k, e in sel.select(0)])
print(sel.get_key(conn).data, len(sel.get_map()), conn in sel.get_map())
for call in [lambda: sel.register(conn, selectors.EVENT_READ), lambda: sel.register(client, 0),
             lambda: sel.unregister(client), lambda: sel.get_key(client)]:
    try:
        call()
    except (KeyError, ValueError) as e:
        print(type(e).__name__)
sel.unregister(conn)
print(len(sel.get_map()), sel.select(0))
sel.close()
with selectors.DefaultSelector() as s2:
    s2.register(client, selectors.EVENT_WRITE)
    print([e for _, e in s2.select(0)])
client.close()
conn.close()
server.close()
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
