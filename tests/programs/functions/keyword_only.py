def connect(host, port=80, *, timeout=10, secure=False):
    return f"{host}:{port} timeout={timeout} secure={secure}"


print(connect("a"))
print(connect("b", 8080, secure=True))
print(connect("c", timeout=1))
try:
    connect("d", 1, 2)
except TypeError as e:
    print(type(e).__name__, e)


def required_kw(*, key, value=None):
    return key, value


print(required_kw(key="k"), required_kw(value=1, key=2))
try:
    required_kw()
except TypeError as e:
    print(type(e).__name__, e)
try:
    required_kw("pos")
except TypeError as e:
    print(type(e).__name__, e)


def positional_only(a, b, /, c, *, d):
    return a + b + c + d


print(positional_only(1, 2, 3, d=4), positional_only(1, 2, c=3, d=4))
try:
    positional_only(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)


def mixed(a, *args, b=2, **kw):
    return a, args, b, kw


print(mixed(1), mixed(1, 2, 3, b=4, c=5))
print(connect.__kwdefaults__, connect.__defaults__)
