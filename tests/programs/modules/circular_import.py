# An uncaught circular-import error: the traceback goes through both modules.
import _loop_a
