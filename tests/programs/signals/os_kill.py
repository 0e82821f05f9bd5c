# os.kill to this process: the handler has run when os.kill returns. Errors by errno.
import os
import signal

signal.signal(signal.SIGUSR1, lambda signum, frame: print("handled", signum))
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill")
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored")
for pid, sig in [(os.getpid(), 99), (2**22 + 12345, 0)]:
    try:
        os.kill(pid, sig)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
print(issubclass(ProcessLookupError, OSError))
try:
    os.kill("x", 0)
except TypeError as e:
    print("TypeError:", e)
