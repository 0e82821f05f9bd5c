# signal's argument checks, with CPython's messages.
import signal
import threading


def attempt(label, f, *args):
    try:
        result = f(*args)
        print(label, "->", result)
    except (ValueError, TypeError, OSError) as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("signal(0)", signal.signal, 0, signal.SIG_DFL)
attempt("signal(NSIG)", signal.signal, signal.NSIG, signal.SIG_DFL)
attempt("signal(-1)", signal.signal, -1, signal.SIG_DFL)
attempt("signal('x')", signal.signal, "x", signal.SIG_DFL)
attempt("handler 5", signal.signal, signal.SIGUSR1, 5)
attempt("handler 'str'", signal.signal, signal.SIGUSR1, "handler")
attempt("handler None", signal.signal, signal.SIGUSR1, None)
attempt("SIGKILL", signal.signal, signal.SIGKILL, signal.SIG_IGN)
attempt("SIGSTOP", signal.signal, signal.SIGSTOP, signal.SIG_IGN)
attempt("getsignal(0)", signal.getsignal, 0)
attempt("getsignal(1000)", signal.getsignal, 1000)
attempt("raise_signal(-3)", signal.raise_signal, -3)
attempt("raise_signal(1000)", signal.raise_signal, 1000)
attempt("strsignal(0)", signal.strsignal, 0)
attempt("strsignal(SIGINT)", signal.strsignal, signal.SIGINT)
attempt("strsignal(SIGTERM)", signal.strsignal, signal.SIGTERM)
attempt("strsignal(SIGKILL)", signal.strsignal, signal.SIGKILL)
attempt("strsignal(SIGUSR1)", signal.strsignal, signal.SIGUSR1)
attempt("strsignal(32)", signal.strsignal, 32)
attempt("alarm('x')", signal.alarm, "x")

errors = []


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=from_thread)
t.start()
t.join()
print("from a thread:", errors)

valid = signal.valid_signals()
print(type(valid).__name__, signal.SIGINT in valid, signal.SIGKILL in valid, 0 in valid)
print(signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.SIGHUP, signal.SIGINT, signal.SIGKILL, signal.SIGUSR1, signal.SIGUSR2,
      signal.SIGPIPE, signal.SIGALRM, signal.SIGTERM, signal.SIGCHLD)
print(signal.alarm(0))
print(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
