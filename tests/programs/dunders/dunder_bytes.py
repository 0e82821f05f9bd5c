class Packet:
    def __init__(self, payload):
        self.payload = payload

    def __bytes__(self):
        return b"<" + self.payload + b">"


class Bad:
    def __bytes__(self):
        return "not bytes"


print(bytes(Packet(b"data")), bytes(Packet(b"")), bytes([1, 2]), bytes(3))
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError", e)
