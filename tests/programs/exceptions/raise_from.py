class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e


try:
    load("abc")
except ConfigError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__, "context is cause:", e.__context__ is e.__cause__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise ConfigError("hidden") from None
except ConfigError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise ConfigError("explicit") from KeyError("why")
except ConfigError as e:
    print(e, repr(e.__cause__), e.__context__)

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
