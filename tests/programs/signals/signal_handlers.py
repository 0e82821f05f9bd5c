# signal.signal / getsignal / raise_signal: a Python handler runs in the main thread before
# raise_signal returns; its exception propagates from there.
import signal

received = []


def handler(signum, frame):
    received.append(signum)
    print("handler got", signum, signum == signal.SIGUSR1)


old = signal.signal(signal.SIGUSR1, handler)
print("old handler is SIG_DFL:", old == signal.SIG_DFL)
print("getsignal returns it:", signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print("received", received)


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop("from handler " + str(signum))


print(signal.signal(signal.SIGUSR2, raising) == signal.SIG_DFL)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except Stop as e:
    print("caught", e)

# A handler that raises inside a loop stops the loop at its next check point.
count = 0
try:
    for i in range(1000):
        count += 1
        if i == 10:
            signal.raise_signal(signal.SIGUSR2)
except Stop:
    print("loop stopped at", count)

# SIG_IGN: the signal is dropped; SIG_DFL restored.
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print("ignored; received", received)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) == signal.SIG_IGN)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

# SIGINT's default handler raises KeyboardInterrupt.
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

# A lambda and a bound method are handlers too.
class Counter:
    def __init__(self):
        self.n = 0

    def tick(self, signum, frame):
        self.n += 1


c = Counter()
signal.signal(signal.SIGUSR1, c.tick)
signal.raise_signal(signal.SIGUSR1)
signal.signal(signal.SIGUSR1, lambda s, f: c.tick(s, f))
signal.raise_signal(signal.SIGUSR1)
print("counter", c.n)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
