# atexit's helpers, and callbacks after an uncaught exception and sys.exit.
import atexit
import sys


def one():
    print("one")


def two(x):
    print("two", x)


atexit.register(one)
atexit.register(two, 2)
atexit._run_exitfuncs()
print("ran once; again:")
atexit._run_exitfuncs()
atexit.register(one)
atexit._clear()
atexit._run_exitfuncs()
print("cleared")


def at_exit(code):
    print("at exit, status", code)
    sys.stdout.flush()


atexit.register(at_exit, 3)
print("exiting")
sys.exit(3)
