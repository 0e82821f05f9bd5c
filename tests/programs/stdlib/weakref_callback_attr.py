# weakref.ref.__callback__ (read-only, None once the referent is gone), _weakref's ref and
# proxy, and the standard streams' fileno/readable/writable.
import sys
import _weakref
import weakref


class X:
    pass


a = X()
plain = _weakref.ref(a)
print(plain.__callback__, plain() is a, callable(plain), _weakref.ref is weakref.ref)
calls = []
cb = lambda r: calls.append(r is with_cb)
with_cb = weakref.ref(a, cb)
print(with_cb.__callback__ is cb)
try:
    with_cb.__callback__ = None
except AttributeError:
    print("read-only")
del a
print(calls, with_cb.__callback__, with_cb())


class G:
    def __init__(self, h):
        self.h = h


g = G(5)
p = _weakref.proxy(g)
print(p.h, type(p) is weakref.ProxyType)
del g
try:
    p.h
except ReferenceError as e:
    print("ReferenceError", e)

print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stderr.writable(), sys.stdin.readable(),
      sys.stdout.readable(), sys.stdin.writable())
