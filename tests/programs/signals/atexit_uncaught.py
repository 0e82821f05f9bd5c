# The traceback of an uncaught exception is printed before the atexit callbacks run.
import atexit


def report():
    print("callback after the traceback")


atexit.register(report)
print("raising")
raise RuntimeError("uncaught")
