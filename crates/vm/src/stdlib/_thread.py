# The Python part of gilvm's _thread module (the lock type and its methods are native).

error = RuntimeError
TIMEOUT_MAX = 9223372036.0  # CPython's on 64-bit: the whole seconds of _thread.rs's LONGEST_WAIT_S


LockType = type(allocate_lock())
