import json

print(repr(json.loads('"\\ud834"')), repr(json.loads('"a\\ud834\\udd1eb"')))
print(repr(json.loads('["\\udc80x", {"\\ud800": "\\udfff"}]')))
print(json.dumps("\ud834"), json.dumps({"\udc80k": ["v\ud800", "\ud834\udd1e"]}))
print(json.loads(json.dumps("\ud800\udc00x")) == "\ud800\udc00x")
