def dump(value, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{inner}{quote(str(k))}: {dump(v, indent + step, step)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(isinstance(v, (int, float, bool, type(None))) for v in value):
            return "[" + ", ".join(dump(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + dump(v, indent + step, step) for v in value) + "\n" + pad + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def quote(s):
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(escapes.get(c, c) for c in s) + '"'


doc = {
    "name": "gilvm",
    "version": [0, 1, 0],
    "stable": False,
    "license": None,
    "authors": [{"name": "Ann \"A\" Lee", "email": "ann@example.com"}, {"name": "Bo\tTab"}],
    "ratio": 0.25,
    "empty": {},
    "nothing": [],
    "nested": {"deep": {"deeper": [1, [2, 3], "four"]}},
    7: "int key",
}
print(dump(doc))
print(dump([1, 2.5, True, None]), dump("line\nbreak"), dump({}))
try:
    dump({"bad": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
