import contextlib, io, sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr, ContextDecorator, AbstractContextManager

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print("caught", repr(e))
    finally:
        print(f"</{name}>")

with tag("a") as t:
    print("in", t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("outer", e)

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice(): pass
except RuntimeError as e: print(e)

with suppress(ZeroDivisionError):
    1/0
print("after suppress")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e: print("not suppressed", e)

class Res:
    def __init__(self, n): self.n = n
    def close(self): print("close", self.n)
with closing(Res(1)) as r: print("using", r.n)
with nullcontext(5) as v: print(v)

with ExitStack() as st:
    for i in range(3):
        st.callback(print, "cb", i)
    st.enter_context(tag("x"))
    print("body")

def ex(*a): print("push", a[0].__name__ if a[0] else None); return True
with ExitStack() as st:
    st.push(ex)
    raise OSError("swallowed")
print("swallowed ok")
st = ExitStack()
st.callback(print, "later")
st2 = st.pop_all()
st.close(); print("-"); st2.close()

buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden")
print("got", repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("e", file=sys.stderr)
print(repr(err.getvalue()))

class mycd(ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
@mycd()
def work(x): print("work", x); return x * 2
print(work(4))
@tag("deco")
def g(): print("g body")
g()
print(isinstance(tag("z"), AbstractContextManager), issubclass(Res, AbstractContextManager), isinstance(ExitStack(), AbstractContextManager))
with ExitStack() as st:
    try:
        st.enter_context(5)
    except TypeError as e: print(e)
