import json

doc = {"name": "gilvm", "version": 1, "pi": 3.141592653589793, "tiny": 1e-7, "big": 1e22,
       "neg": -0.0, "list": [1, 2.5, None, True, False, "x"], "nested": {"a": [], "b": {}},
       "unicode": "caf\u00e9 \u2603 \U0001F600", "ctrl": "tab\there\nnew \"q\" \\ \x01 \x7f",
       "bigint": 123456789012345678901234567890}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, indent="\t", separators=(",", "="))[:80])
print(json.dumps([1, [2, [3, {}]], []], indent=0))
print(json.dumps(doc, separators=(",", ":")))
print(json.loads(s) == doc)
back = json.loads(s)
print(back["unicode"], back["ctrl"], back["bigint"], back["neg"])
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d", False: "e"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.loads("[NaN, Infinity, -Infinity, 1e400, -1e400]"))
print(json.dumps("plain"), json.dumps(5), json.dumps(None), json.dumps(1.0), json.dumps(0.1 + 0.2))
print(json.dumps((1, 2)))
print(ascii(json.loads('"\\ud83d\\ude00 \\u00e9 \\n\\t\\/\\b\\f\\r"')))
print(json.loads(' \n {"a" : [ 1 , 2 ] , "b" : { } } \n '))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads(b'{"bytes": true}'), json.loads(bytearray(b'[1]')))
print(json.loads("-12.5e-3"), json.loads("0"), json.loads("-0"), json.loads("1E+2"), json.loads("12345678901234567890123"))

# hooks
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2, "x": 3}', object_pairs_hook=list))
print(json.loads('[1.5, 2, 3.25]', parse_float=lambda t: "F" + t, parse_int=lambda t: "I" + t))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: "C:" + c))
print(json.loads('"a\tb"', strict=False))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError("no")


print(json.dumps([Point(1, 2), Point(3, 4)], default=encode_point))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"p": Point(5, 6), "s": {3, 1, 2}}, cls=PointEncoder))
print(PointEncoder(indent=1).encode([Point(0, 0)]))
print("".join(PointEncoder().iterencode({"k": [Point(1, 1)]})))


class Decoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, d):
        if "x" in d and "y" in d:
            return Point(d["x"], d["y"])
        return d


pts = json.loads('[{"x": 1, "y": 2}, {"z": 3}]', cls=Decoder)
print(type(pts[0]).__name__, pts[0].x, pts[0].y, pts[1])
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'))
print(json.JSONDecoder().raw_decode('xx[1, 2]yy', 2))
print(issubclass(json.JSONDecodeError, ValueError))

# errors
for bad in ['{"a": 1, "b": [1,2', '{"a" 1}', '[1,]', '"abc', '"a\\x"', '"\\u12"', '"a\x01"', '{,}',
            '', '  ', '-', '1 2', '{"a":1,}', '[1 2]', 'nul', '"\\', '[\n  1,\n  2\n  oops]', '{"a":\n',
            '\ufeff[]', 'tru', '[01]', '1.', '.5', '"\u00e9\u00e9" x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(ascii(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == bad)
for bad_call in [lambda: json.loads(5), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(object()),
                 lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps({1: 2, "a": 3}, sort_keys=True)]:
    try:
        bad_call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "ok": 4}, skipkeys=True))
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
try:
    json.loads("[" * 100000)
except RecursionError as e:
    print("RecursionError")
print(json.loads("[" * 50 + "]" * 50))
