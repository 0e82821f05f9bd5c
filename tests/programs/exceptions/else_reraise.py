def attempt(x):
    try:
        result = 10 / x
    except ZeroDivisionError:
        print("  division failed")
        return None
    else:
        print("  else runs with", result)
        return result
    finally:
        print("  finally for", x)


print(attempt(2), attempt(0))


def reraise():
    try:
        int("bad")
    except ValueError:
        print("  logging, then re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("outer caught:", e)


def reraise_other():
    try:
        raise TypeError("first")
    except TypeError as e:
        err = e
    try:
        raise err
    except TypeError as again:
        return again is err


print(reraise_other())

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

e_ref = "kept"
try:
    raise ValueError("scoped")
except ValueError as e_ref:
    pass
try:
    print(e_ref)
except NameError as e:
    print(type(e).__name__, e)
