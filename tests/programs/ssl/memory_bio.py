# SSLObject over MemoryBIOs: a client and a server handshake and talk with no socket, the
# caller moving the bytes; SSLWantReadError says when more bytes are needed.
import os
import ssl

HERE = os.path.join(os.path.dirname(__file__), "_certs")
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, "keycert.pem"))
client_ctx = ssl.create_default_context(cafile=os.path.join(HERE, "ca.pem"))

c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
client = client_ctx.wrap_bio(c_in, c_out, server_hostname="localhost")
server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
print(type(client).__name__, client.server_side, server.server_side, client.server_hostname)
print(client.version(), client.cipher())


def step(obj):
    try:
        obj.do_handshake()
        return True
    except ssl.SSLWantReadError:
        return False


done = {"client": False, "server": False}
rounds = 0
while not all(done.values()):
    rounds += 1
    done["client"] = step(client)
    s_in.write(c_out.read())
    done["server"] = step(server)
    c_in.write(s_out.read())
print("handshake done", rounds > 1, client.version() == server.version())
client.write(b"ping")
s_in.write(c_out.read())
print(server.read(100))
server.write(b"pong" * 3)
c_in.write(s_out.read())
print(client.pending(), client.read(5), client.pending(), client.read(100), client.pending())
try:
    client.read(10)
except ssl.SSLWantReadError as e:
    print("SSLWantReadError", isinstance(e, ssl.SSLError))
bio = ssl.MemoryBIO()
print(bio.pending, bio.eof, bio.write(b"abc"), bio.pending, bio.read(2), bio.read(), bio.eof)
bio.write_eof()
print(bio.eof)
try:
    bio.write(b"x")
except ssl.SSLError as e:
    print("SSLError:", e)
