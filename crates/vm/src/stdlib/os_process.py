# os's process functions written over the native ones (os_process.rs): fork with the
# at-fork callbacks, and the wait-status macros.

WNOHANG = 1
WUNTRACED = 2
WCONTINUED = 8

_at_fork_before = []
_at_fork_parent = []
_at_fork_child = []


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError("At least one argument is required.")
    for name, func in (("before", before), ("after_in_child", after_in_child),
                       ("after_in_parent", after_in_parent)):
        if func is not None and not callable(func):
            raise TypeError(f"'{name}' must be callable, not {type(func).__name__}")
    if before is not None:
        _at_fork_before.append(before)
    if after_in_child is not None:
        _at_fork_child.append(after_in_child)
    if after_in_parent is not None:
        _at_fork_parent.append(after_in_parent)


def _run_at_fork(callbacks):
    for func in callbacks:
        try:
            func()
        except BaseException as exc:
            _at_fork_failed(func, exc)


def fork():
    # CPython's order: `before` callbacks last registered first, the others in order.
    _run_at_fork(reversed(_at_fork_before))
    pid = _fork()
    _run_at_fork(_at_fork_child if pid == 0 else _at_fork_parent)
    return pid


def WIFEXITED(status):
    return (status & 0x7f) == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return 0 < status & 0x7f < 0x7f


def WTERMSIG(status):
    return status & 0x7f


def WIFSTOPPED(status):
    return (status & 0xff) == 0x7f


def WSTOPSIG(status):
    return WEXITSTATUS(status)


def WCOREDUMP(status):
    return bool(status & 0x80)


def waitstatus_to_exitcode(status):
    if not isinstance(status, int):
        raise TypeError(f"'{type(status).__name__}' object cannot be interpreted as an integer")
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    if WIFSTOPPED(status):
        raise ValueError(f"process stopped by delivery of signal {WSTOPSIG(status)}")
    raise ValueError(f"invalid wait status: {status}")


def wait():
    return waitpid(-1, 0)
