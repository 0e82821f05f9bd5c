# Unbuffered binary files over descriptors (open(fd, "rb", buffering=0) is a FileIO): readinto
# and write take any buffer; sockets' recv_into and sendall take bytearrays and views.
import io
import os
import socket

r, w = os.pipe()
reader = open(r, "rb", buffering=0)
writer = open(w, "wb", buffering=0)
print(type(reader).__name__, reader.readable(), reader.writable(), writer.writable(), reader.mode, writer.mode)
print(writer.write(b"hello"), writer.write(bytearray(b" big")), writer.write(memoryview(b" world")[:3]))
target = bytearray(8)
print(reader.readinto(target), target)
view = memoryview(bytearray(4))
print(reader.readinto(view[1:]), bytes(view))
spare = os.pipe()
os.close(spare[1])
for op in (lambda: reader.write(b"x"), lambda: writer.read(1), lambda: open(spare[0], "r", buffering=0)):
    try:
        op()
    except (io.UnsupportedOperation, ValueError) as e:
        print(type(e).__name__ + ":", e)
writer.close()
print(reader.read(), reader.read(), writer.closed)
reader.close()
try:
    reader.read()
except ValueError as e:
    print("ValueError:", e)
with open(os.pipe()[1], "wb", buffering=0) as f:
    print(f.write(b"abc"))
print(f.closed)

left, right = socket.socketpair()
payload = bytearray(b"socket data")
left.sendall(payload)
left.sendall(memoryview(b"|view"))
left.send(bytearray(b"!"))
buf = bytearray(32)
n = right.recv_into(buf)
print(n, bytes(buf[:n]))
small = memoryview(bytearray(4))
left.sendall(b"wxyz")
print(right.recv_into(small), small.tobytes())
for bad in (b"ro", memoryview(b"ro"), "str"):
    try:
        right.recv_into(bad)
    except TypeError as e:
        print("TypeError:", e)
left.close()
right.close()
