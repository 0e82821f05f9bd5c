# signal's numbers, handlers and mask operations are IntEnum members, as CPython's
# signal.py makes them over _signal.
import signal

print(repr(signal.SIGINT), signal.SIGINT, signal.SIGINT == 2, isinstance(signal.SIGINT, int))
print(repr(signal.SIGIOT), repr(signal.SIGCLD), repr(signal.SIGPOLL))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)))
print(repr(signal.SIG_IGN), repr(signal.Handlers(0)), repr(signal.Sigmasks.SIG_BLOCK))
old = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print(repr(old), repr(signal.signal(signal.SIGUSR1, old)))
print(sorted(signal.valid_signals())[:3], type(next(iter(signal.valid_signals()))).__name__)
print(signal.Signals(15), repr(signal.Signals["SIGKILL"]), signal.SIGINT.name, signal.SIGINT.value)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR2}))
print(signal.strsignal(signal.SIGINT), signal.Signals.__module__, type(signal.SIGINT).__name__)
print(repr(signal.SIGRTMIN), len(signal.Signals), [s.name for s in signal.Signals][:4])
print(f"{signal.SIGINT}", "%d" % signal.SIGTERM, format(signal.SIGHUP))
try:
    signal.Signals(999)
except ValueError as exc:
    print(exc)
