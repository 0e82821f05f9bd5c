# CPython 3.11's limit on int <-> decimal str conversions (CVE-2020-10735): 4300 digits by
# default, sys.set_int_max_str_digits() to change it, none for power-of-two bases.
import sys


def attempt(label, f):
    try:
        result = f()
    except ValueError as e:
        print(f"{label}: ValueError: {e}")
    except (TypeError, OverflowError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {result}")


print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
big = 10**5000
attempt("int(5000 nines)", lambda: int("9" * 5000))
attempt("int(4300 nines)", lambda: int("9" * 4300) > 0)
attempt("int(-4301 nines)", lambda: int("-" + "9" * 4301))
attempt("int(underscores)", lambda: int("1_" * 4300 + "1"))
attempt("int(bytes)", lambda: int(b"9" * 4301))
attempt("int(spaces)", lambda: int("  " + "9" * 4300 + "  ") > 0)
attempt("int(base 0)", lambda: int("9" * 4301, 0))
attempt("int(base 16)", lambda: int("f" * 5000, 16) > 0)
attempt("int(base 7, bad digits)", lambda: int("9" * 4301, 7))
attempt("int(base 7)", lambda: int("6" * 4301, 7))
attempt("str", lambda: str(big))
attempt("repr", lambda: repr(-big))
attempt("str(4300 digits)", lambda: len(str(10**4299)))
attempt("%d", lambda: "%d" % big)
attempt("format d", lambda: format(big, ","))
attempt("f-string", lambda: f"{big}")
attempt("str.format", lambda: "{}".format(big))
attempt("hex", lambda: len(hex(big)))
attempt("oct", lambda: len(oct(big)))
attempt("bin", lambda: len(bin(big)))
attempt("format x", lambda: len(format(big, "x")))
attempt("float", lambda: float("9" * 5000))

attempt("set 100", lambda: sys.set_int_max_str_digits(100))
attempt("set -1", lambda: sys.set_int_max_str_digits(-1))
attempt("set none", lambda: sys.set_int_max_str_digits())
attempt("set two", lambda: sys.set_int_max_str_digits(1000, 2))
attempt("set str", lambda: sys.set_int_max_str_digits("1000"))
attempt("set huge", lambda: sys.set_int_max_str_digits(2**70))
attempt("get one", lambda: sys.get_int_max_str_digits(1))

sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())
attempt("str(640 digits)", lambda: len(str(10**639)))
attempt("str(641 digits)", lambda: len(str(10**640)))
attempt("int(641 digits)", lambda: int("1" * 641))

sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(big)), int(str(big)) == big)
