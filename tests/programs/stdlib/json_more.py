# json.decoder / json.encoder, subclasses of the built-in types, and module __getattr__.
import json
import json.decoder

print(json.decoder.scanstring('\u2728x"', 1), json.decoder.scanstring('"a\\nb" tail', 1))
try:
    json.decoder.scanstring('abc', 1)
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
print(json.decoder.JSONDecoder is json.JSONDecoder, json.encoder.JSONEncoder is json.JSONEncoder)
print(json.encoder.encode_basestring_ascii("\xe9\n"), json.encoder.encode_basestring("\xe9"))


class String(str):
    pass


class Bytes(bytes):
    pass


class Int(int):
    pass


class Float(float):
    pass


class List(list):
    pass


print(json.loads(String('"string"')), json.loads(Bytes(b'[1, 2]')),
      json.loads(bytearray(b'{"a": 1}')))
print(json.dumps([String("s"), Int(1), Float(0.5), Int(7**30), List([1])]))
for bad in ['"\\uXYZW"', '"abc\\uZZZZ"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(e.pos, e)
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError:
    print("RecursionError")
try:
    json.nothing_here
except AttributeError as e:
    print(e)
