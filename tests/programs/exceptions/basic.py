def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally runs")


print(divide(1, 2))
print(divide(1, 0))

try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)

try:
    raise ValueError("bad value")
except Exception as e:
    print(repr(e), e.args)


class MyError(Exception):
    pass


try:
    raise MyError("custom", 42)
except MyError as e:
    print("MyError", e.args, str(e))


def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"


print(loop_finally())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-raised", e)

try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))
assert 1 + 1 == 2, "math"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError:", e)
