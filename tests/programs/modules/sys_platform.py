# sys's records and functions, and the platform module (values both interpreters share).
import sys
import platform

v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel, v >= (3, 8), type(v).__name__)
print(sys.hexversion >> 24, hex(sys.hexversion)[:4])
print(sys.flags.optimize, sys.flags.isolated, sys.flags.dev_mode, len(sys.flags))
print(sys.flags.no_site, sys.flags.quiet, sys.flags.int_max_str_digits)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info.dig)
print(type(sys.int_info.bits_per_digit).__name__, sys.int_info.default_max_str_digits)
print(sys.byteorder, sys.platform, sys.maxsize == 2 ** 63 - 1, sys.maxunicode)
print(type(sys.executable).__name__, type(sys.prefix).__name__, sys.orig_argv[-1].endswith(".py"))
print(sys.intern("abc") == "abc", sys.getsizeof(1) > 0, sys.getsizeof([]) <= sys.getsizeof([1, 2, 3]))
try:
    sys.intern(3)
except TypeError as e:
    print(e)
print(sys.settrace(None), sys.gettrace(), sys.getdefaultencoding())
print(hasattr(sys, "ps1"), "sys" in sys.builtin_module_names, sys.warnoptions)
print(sys.implementation.name == platform.python_implementation().lower())
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple()[:2], platform.system(), type(platform.machine()).__name__)
print(platform.uname().system == platform.system(), type(platform.release()).__name__)
print(type(platform.node()).__name__, len(platform.uname()), platform.architecture()[0])
