# The compiler fuses LOAD_FAST+LOAD_FAST, LOAD_FAST+LOAD_CONST and STORE_FAST+LOAD_FAST into
# superinstructions, and the eval loop fuses FOR_ITER with the loop variable's store: each
# must behave as the instructions it replaces.


def second_unbound():
    a = 1
    if False:
        b = 2
    return a, b


def first_unbound():
    if False:
        a = 1
    b = 2
    return a, b


def stored_then_deleted_load(x):
    y = x
    del x
    return y, x


def pick(flag, p, q, r):
    # The true branch jumps to the middle of the `q, r` pair.
    return (p if flag else q) + r


def plus_const(n):
    return n + 1, n - 2, n * 3


def running_total(xs):
    total = 0
    for x in xs:
        total = total + x
    return total


def loop_var_only(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


def build(parts):
    s = ""
    for part in parts:
        s += part
        t = s
    return s, t


for f in (second_unbound, first_unbound):
    try:
        f()
    except UnboundLocalError as e:
        print(f.__name__, "->", e)
try:
    stored_then_deleted_load(5)
except UnboundLocalError as e:
    print("deleted ->", e)
print(pick(True, 1, 10, 100), pick(False, 1, 10, 100))
print(plus_const(7))
print(running_total(range(10)), running_total([0.5, 1.5]))
print(loop_var_only("abc"), loop_var_only([]))
print(build(["ab", "cd", "ef"]))


def deep(a, b, c, d):
    return a, b, c, d, a, a


print(deep(1, 2, 3, 4))
