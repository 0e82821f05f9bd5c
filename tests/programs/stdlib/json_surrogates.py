import json

print(repr(json.loads('"\\ud834"')), repr(json.loads('"a\\ud834\\udd1eb"')))
print(repr(json.loads('["\\udc80x", {"\\ud800": "\\udfff"}]')))
print(json.dumps("\ud834"), json.dumps({"\udc80k": ["v\ud800", "\ud834\udd1e"]}))
print(json.loads(json.dumps("\ud800\udc00x")) == "\ud800\udc00x")
print(repr(json.dumps(["\ud834x", {"k\udc80": 1}], ensure_ascii=False)))
print(json.loads(json.dumps("a\udfff", ensure_ascii=False)) == "a\udfff")
doc = '{"a\udc80": ["x\ud800y", "\ud800", "p\\u00e9\udfff"], "k": "\udc00"}'
v = json.loads(doc)
print(repr(v))
try:
    json.loads('["\ud800", }')
except json.JSONDecodeError as e:
    print(e, e.pos, e.colno)
print(repr(json.dumps(v, ensure_ascii=False)), json.dumps(v))
