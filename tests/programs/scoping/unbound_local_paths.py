# A load of a local compiles to a check-free LOAD_FAST only where the local is bound on every
# path; everywhere else UnboundLocalError must still be raised, with its message and line.

def report(f, *args):
    try:
        print(f.__name__, "->", f(*args))
    except UnboundLocalError as e:
        print(f.__name__, "-> UnboundLocalError:", e, "line", e.__traceback__.tb_next.tb_lineno)
    except Exception as e:
        print(f.__name__, "->", type(e).__name__)


def del_then_load():
    x = 1
    del x
    return x


def del_parameter(p):
    del p
    return p


def del_on_one_branch(flag):
    x = 1
    if flag:
        del x
    return x


def assigned_in_try(fail):
    try:
        if fail:
            raise ValueError
        y = 2
    except ValueError:
        return y
    return y


def bound_before_try():
    y = 1
    try:
        raise KeyError
    except KeyError:
        return y


def deleted_in_try():
    z = 1
    try:
        del z
        raise KeyError
    except KeyError:
        return z


def finally_sees_partial(fail):
    try:
        if fail:
            raise ValueError
        w = 3
    finally:
        print("  finally:", "w" in locals())
        if not fail:
            print("  w =", w)
    return w


def finally_load_unbound():
    try:
        return 1
    finally:
        v = v if False else 2  # noqa: F821
        print("  v =", v)


def loop_never_runs(xs):
    for x in xs:
        last = x
    return last


def del_in_loop(n):
    k = 0
    for i in range(n):
        print("  k =", k)
        del k
        k = i
    return k


def del_in_loop_twice(n):
    k = 0
    for i in range(n):
        print("  k =", k)
        del k
    return i


def while_break_first(n):
    while n:
        if n == 3:
            break
        found = n
        n -= 1
    return found


def except_name_cleared():
    try:
        raise ValueError("gone")
    except ValueError as e:
        print("  inside:", e)
    return e


def comprehension_scopes(xs):
    ys = [x * 2 for x in xs if x]
    return ys, [v for v in ys if (t := v)], t


def match_capture(subject):
    match subject:
        case [a, b]:
            pass
        case _:
            pass
    return a + b


def concat_keeps_value_on_type_error():
    s = "a"
    try:
        s += 1
    except TypeError:
        return s


def concat_in_loop(parts):
    s = ""
    try:
        for p in parts:
            s += p
    except TypeError:
        return "partial " + s
    return s


def gen_throw():
    try:
        a = yield 1
        b = yield 2
    except KeyError:
        print("  a bound:", a)
        print("  b:", b)
    yield 3


def with_body(fail):
    class Quiet:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return True

    with Quiet():
        if fail:
            raise ValueError
        r = 5
    return r


def nested_def_after():
    def inner():
        return 1
    r = inner() + q
    q = 1
    return r


def swap_pair(a, b):
    a, b = b, a
    return a, b


report(del_then_load)
report(del_parameter, 1)
report(del_on_one_branch, False)
report(del_on_one_branch, True)
report(assigned_in_try, False)
report(assigned_in_try, True)
report(bound_before_try)
report(deleted_in_try)
report(finally_sees_partial, False)
report(finally_sees_partial, True)
report(finally_load_unbound)
report(loop_never_runs, [1, 2])
report(loop_never_runs, [])
report(del_in_loop, 3)
report(del_in_loop_twice, 1)
report(del_in_loop_twice, 2)
report(while_break_first, 5)
report(while_break_first, 3)
report(except_name_cleared)
report(comprehension_scopes, [0, 1, 2])
report(comprehension_scopes, [])
report(match_capture, [1, 2])
report(match_capture, 7)
report(concat_keeps_value_on_type_error)
report(concat_in_loop, ["x", "y"])
report(concat_in_loop, ["x", 1])
report(with_body, False)
report(with_body, True)
report(nested_def_after)
report(swap_pair, 1, 2)

for sends in (1, 0):
    g = gen_throw()
    print(next(g))
    if sends:
        print(g.send("sent"))
    try:
        print(g.throw(KeyError))
    except UnboundLocalError as e:
        print("gen -> UnboundLocalError:", e)
