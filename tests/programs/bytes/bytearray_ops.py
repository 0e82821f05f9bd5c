ba = bytearray(b"hello")
print(ba, len(ba), type(ba).__name__)
ba[0] = ord("J")
ba.append(33)
ba.extend(b" ok")
print(ba, ba[0], ba[-1])
ba[1:3] = b"EE"
print(ba)
del ba[-3:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
ba.remove(ord("E"))
print(ba, bytes(ba), ba.decode(), ba.upper())
ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
print(ba == bytes(ba), b"x" + bytearray(b"y"), bytearray(b"y") + b"x", bytearray(b"ab") * 2)
ba2 = bytearray(b"aaa")
ba2 += b"bbb"
print(ba2, ba2.count(b"a"), ba2.find(b"b"), ba2.replace(b"a", b"c"))
for bad in [lambda: ba.append(256), lambda: ba.__setitem__(0, -1), lambda: ba.remove(0), lambda: bytearray().pop()]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
ba3 = bytearray(b"abc")
ba3.clear()
print(ba3, ba3 == b"")
