# Loads the compiler proves bound skip the unbound check; every other load keeps it, so
# each of these raises UnboundLocalError where CPython does.


def attempt(f, *args):
    try:
        print(f.__name__, "->", f(*args))
    except UnboundLocalError as e:
        print(f.__name__, "raises", type(e).__name__, e)


def loop_never_ran(items):
    for item in items:
        last = item
    return last


def second_of_a_pair(flag):
    a = 1
    if flag:
        b = 2
    return a, b


def deleted_in_try():
    x = 1
    try:
        del x
        raise ValueError
    except ValueError:
        return x


def bound_again_in_try():
    x = 1
    try:
        del x
        x = 2
        raise ValueError
    except ValueError:
        return x


def except_name_after_handler():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    return e


def while_else(n):
    while n:
        n -= 1
        found = n
    else:
        pass
    return found


def assigned_in_finally_only():
    try:
        pass
    finally:
        done = True
    return done


def assigned_in_with():
    import contextlib

    with contextlib.nullcontext(5) as value:
        doubled = value * 2
    return doubled


def match_capture(subject):
    match subject:
        case [first, *_]:
            pass
        case _:
            pass
    return first


def del_across_yield():
    x = 1
    yield x
    del x
    yield x


def grown_then_failed_concat():
    s = "a"
    try:
        s += 1
    except TypeError:
        return s


def parameters_and_defaults(a, b=2, *rest, c, **kw):
    return a, b, rest, c, kw


attempt(loop_never_ran, [1, 2])
attempt(loop_never_ran, [])
attempt(second_of_a_pair, True)
attempt(second_of_a_pair, False)
attempt(deleted_in_try)
attempt(bound_again_in_try)
attempt(except_name_after_handler)
attempt(while_else, 2)
attempt(while_else, 0)
attempt(assigned_in_finally_only)
attempt(assigned_in_with)
attempt(match_capture, [7, 8])
attempt(match_capture, "no")
gen = del_across_yield()
print(next(gen))
try:
    next(gen)
except UnboundLocalError as e:
    print("generator raises", e)
attempt(grown_then_failed_concat)
print(parameters_and_defaults(1, c=3))
print(parameters_and_defaults(1, 2, 3, 4, c=5, d=6))
