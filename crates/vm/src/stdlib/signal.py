# gilvm's signal module over its native part (signal.rs): handlers run in the main thread at
# its next check point. Signal numbers and SIG_DFL/SIG_IGN are plain ints (CPython's are
# IntEnum members with the same values and str()).

ItimerError = OSError


def signal(signalnum, handler):
    return _signal(signalnum, handler, callable(handler))


def valid_signals():
    return set(_valid_signals())
