# contextvars: ContextVar get/set/reset, tokens, Context.run/copy and its mapping, a new
# thread starting with an empty context, and the errors of misuse.
import contextvars as c
import threading
v=c.ContextVar('v', default=0)
print(v.name, v.get())
t=v.set(3); print(t.var is v, t.old_value, repr(c.Token.MISSING), v.get())
v.reset(t); print(v.get())
try: v.reset(t)
except RuntimeError as e: print("RuntimeError")
w=c.ContextVar('w')
try: w.get()
except LookupError as e: print("LookupError", e.args[0] is w)
print(w.get(7))
try: c.ContextVar(1)
except Exception as e: print(repr(e))
try:
  class X(c.ContextVar): pass
except Exception as e: print(repr(e))
ctx=c.copy_context()
try: ctx[1]
except Exception as e: print(repr(e))
try: ctx[w]
except KeyError as e: print("KeyError")
def f(): ctx.run(f)
try: ctx.run(f)
except RuntimeError as e: print("RuntimeError entered")
t2 = w.set(1)
try: v.reset(t2)
except ValueError as e: print("ValueError var")
t3=v.set(5)
try: c.Context().run(v.reset, t3)
except ValueError as e: print("ValueError ctx")
ctx2 = c.copy_context()
ctx2.run(v.set, 42)
print(ctx2[v], v.get(), v in ctx2, len(ctx2), ctx2.get(v), sorted(x.name for x in ctx2))
seen = []
def th():
    seen.append(v.get())
    v.set(99)
    seen.append(v.get())
x = threading.Thread(target=th); x.start(); x.join()
print(seen, v.get())
print(c.Context.__module__, type(ctx).__name__, c.Context() == c.Context())
