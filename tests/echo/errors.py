import socket

server = socket.socket()
server.bind(("127.0.0.1", 0))
port = server.getsockname()[1]
server.close()
try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, isinstance(e, ConnectionError))
    print(e)
with socket.socket() as s:
    print(s.connect_ex(("127.0.0.1", port)))
for address in ["nope", ("127.0.0.1",), ("127.0.0.1", 70000), ("no.such.host.invalid", 1)]:
    try:
        socket.socket().bind(address)
    except (TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
s = socket.socket()
s.close()
s.close()
for call in [lambda: s.recv(1), lambda: s.send(b"x"), lambda: s.bind(("", 0)), s.listen]:
    try:
        call()
    except OSError as e:
        print(e, e.errno)
print(s.fileno())
with socket.socket() as listener:
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.05)
    try:
        listener.accept()
    except socket.timeout as e:
        print(type(e).__name__, e, socket.timeout is TimeoutError)
    listener.setblocking(False)
    print(listener.gettimeout(), listener.getblocking())
    try:
        listener.accept()
    except BlockingIOError as e:
        print(type(e).__name__, e.errno)
try:
    socket.socket().settimeout(-1)
except ValueError as e:
    print(e)
try:
    socket.socket().send("text")
except TypeError as e:
    print(e)
print(socket.error is OSError, issubclass(socket.gaierror, OSError))
print(OSError(111, "Connection refused"), OSError("plain").errno)
