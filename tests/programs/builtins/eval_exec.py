# eval, exec and compile: modes, globals and locals, code objects.
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("y", {"y": 5}), eval("a + b", {"a": 1}, {"b": 2}))
print(eval(b"x - 1"), eval("(1,\n 2)"), eval("[i * i for i in range(4)]"))
g = {}
exec("z = 3\ndef f():\n    return z * 2\nw = f()", g)
print(sorted(g), g["w"], type(g["__builtins__"]).__name__)
loc = {}
exec("a = 1\nb = a + x", {"x": 5}, loc)
print(loc)
print(exec("1 + 1"), exec("q = 42"), q)
c = compile("1 + 2", "<x>", "eval")
print(eval(c), exec(c), type(c).__name__)
exec(compile("print('hi')", "f", "exec"))
exec(compile("5 * 5", "f", "single"))
exec(compile("None", "f", "single"))
print(_)
exec(compile(source="[1, 2]", filename="f", mode="single"))


def fn():
    k = 7
    return eval("k + x"), sorted(locals())


print(fn())


class C:
    v = 3
    w = eval("v * 2")


print(C.w)
print(globals() is globals(), "x" in globals(), eval("globals()") is globals())
exec("new_global = 'set'")
print(new_global)
print(eval("__name__"), eval("__name__", {}), eval("len('abc')", {}))

for src, mode in [("1 +", "exec"), ("x = ", "eval"), ("1\n2\n", "single"), ("return 1", "exec"), ("a\n  b", "exec")]:
    try:
        compile(src, "<t>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e, e.lineno, e.offset, repr(e.text), e.msg, e.filename)

errors = [
    lambda: eval(1),
    lambda: exec(1),
    lambda: compile(1, "f", "exec"),
    lambda: compile("1", "f", "bad"),
    lambda: compile("1", "f"),
    lambda: compile(c, "f", "exec"),
    lambda: eval("1", []),
    lambda: eval("1", 5),
    lambda: exec("1", []),
    lambda: eval("1", {}, 5),
    lambda: exec("1", {}, 5),
    lambda: eval("\0"),
    lambda: eval("undefined_name"),
    lambda: exec("raise ValueError('inside')"),
    lambda: eval(),
]
for bad in errors:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
exec("x = 1\nprint(x +)\n")
