import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
print(b.sendto(b"ping", a.getsockname()))
data, sender = a.recvfrom(1024)
print(data, sender == b.getsockname())
a.sendto(b"pong", sender)
print(b.recvfrom(1024)[0])
b.settimeout(0.05)
try:
    b.recvfrom(1024)
except socket.timeout as e:
    print("timeout:", e)
a.close()
b.close()
six = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
six.bind(("::1", 0))
six.sendto(b"v6", six.getsockname())
data, sender = six.recvfrom(10)
print(data, sender[0], len(sender))
six.close()
