# atexit: functions run when the interpreter ends (normal end, uncaught exception, sys.exit),
# last registered first, after threading's non-daemon threads are joined (CPython 3.11's
# Py_FinalizeEx order). The session's finish calls _run_exitfuncs (embed/session.rs).

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [entry for entry in _callbacks if entry[0] != func]


def _ncallbacks():
    return len(_callbacks)


def _clear():
    _callbacks.clear()


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        _call(func, args, kwargs)
