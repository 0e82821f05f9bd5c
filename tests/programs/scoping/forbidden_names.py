# The names compile() refuses to bind (__debug__) and the rules for __future__ imports.
srcs = ["def f(**__debug__): pass", "def f(*__debug__): pass", "def f(__debug__): pass", "def f(__debug__=1): pass",
"f(__debug__=1)", "__debug__=1", "obj.__debug__ = 1", "(__debug__ := 1)", "del __debug__", "(a, __debug__, c) = (1, 2, 3)",
"(a, *__debug__, c) = (1, 2, 3)", "__debug__ : int", "__debug__ : int = 1", "import sys as __debug__", "from sys import path as __debug__",
"[x for __debug__ in range(5)]", "lambda __debug__: 1", "for __debug__ in x: pass", "with x as __debug__: pass", "class __debug__: pass", "def __debug__(): pass",
"try: pass\nexcept E as __debug__: pass", "__debug__ += 1", "import __debug__", "global __debug__", "def f(*, __debug__): pass", "f(**__debug__)",
"from __future__ import not_a_real_future_feature", "a = 1\nfrom __future__ import print_function", '"""doc"""\nfrom __future__ import annotations', "from __future__ import braces"]
for s in srcs:
    future = "__future__" in s
    try:
        compile(s, "<t>", "exec"); print("ok", repr(s))
    except SyntaxError as e:
        print(repr(s), "|", e.msg, e.lineno, e.offset, "" if future else e.end_offset)


# `del name` makes the name local to the function, as an assignment does.
b = "global"


def delete_unbound():
    del b


try:
    delete_unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def delete_twice():
    x = 1
    del x
    try:
        del x
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


delete_twice()
