# The Python part of `sys`: its named-tuple-like records ("struct sequences") and the
# default display and exception hooks. The native part (sys.rs) runs first and leaves the
# raw values in `_flag_fields` and `_gilvm_version`.


def _structseq(qualname, fields, values):
    "A record like CPython's struct sequences: a tuple whose items are also attributes."
    return _structseq_type(qualname, fields, 'sys')(values)


def _structseq_type(qualname, fields, module):
    "The class of such records."
    name = qualname.rpartition('.')[2]

    def __repr__(self):
        items = ', '.join(f + '=' + repr(v) for f, v in zip(fields, self))
        return qualname + '(' + items + ')'

    namespace = {'__slots__': (), '__repr__': __repr__, 'n_fields': len(fields),
                 '_fields': tuple(fields), '__module__': module}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: self[index])
    return type(name, (tuple,), namespace)


class _Namespace:
    "`types.SimpleNamespace`, for `sys.implementation`."

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ', '.join(k + '=' + repr(v) for k, v in self.__dict__.items())
        return 'namespace(' + items + ')'


version_info = _structseq(
    'sys.version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
    (3, 11, 7, 'final', 0))
hexversion = 0x030B07F0
flags = _structseq('sys.flags', [f for f, _ in _flag_fields], [v for _, v in _flag_fields])
float_info = _structseq(
    'sys.float_info',
    ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
     'epsilon', 'radix', 'rounds'),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1))
# gilvm's big integers are num-bigint's: 64-bit digits.
int_info = _structseq(
    'sys.int_info',
    ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'),
    (64, 8, 4300, 640))
# Numbers hash as CPython's do (modulo the Mersenne prime 2**61 - 1); str hashes are SipHash.
hash_info = _structseq(
    'sys.hash_info',
    ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'),
    (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
_major, _minor, _micro = [int(p) for p in _gilvm_version.split('.')]
implementation = _Namespace(
    name='gilvm',
    cache_tag=None,
    version=_structseq(
        'sys.version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
        (_major, _minor, _micro, 'final', 0)),
    hexversion=(_major << 24) | (_minor << 16) | (_micro << 8) | 0xF0,
    _multiarch=None,
)
del _major, _minor, _micro
del _flag_fields, _gilvm_version


_audit_hooks = []


def addaudithook(hook):
    _audit_hooks.append(hook)


def audit(event, *args):
    # CPython's runtime raises far more events; the standard library's own (pickle's
    # find_class...) reach the hooks.
    for hook in _audit_hooks:
        hook(event, args)


def displayhook(value):
    "Prints `repr(value)` to `sys.stdout` and keeps it in `builtins._` (not for None)."
    if value is None:
        return
    import builtins
    builtins._ = None
    stdout.write(repr(value) + '\n')
    builtins._ = value


__displayhook__ = displayhook

# CPython's module is `builtins`; gilvm takes such a class for a built-in type.
_set_unraisable_hook_args(_structseq_type(
    'UnraisableHookArgs', ('exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object'),
    'sys'))
del _set_unraisable_hook_args
__unraisablehook__ = unraisablehook


def _getframe(depth=0, /):
    if not isinstance(depth, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(depth).__name__)
    import _frames
    return _frames._stack(_frames._stack_frames(), depth + 1)


_asyncgen_hooks = [None, None]
_asyncgen_hooks_type = _structseq_type('asyncgen_hooks', ['firstiter', 'finalizer'], 'sys')
_UNSET = object()


def get_asyncgen_hooks():
    "The async generator hooks set by set_asyncgen_hooks (asyncio's event loops set them)."
    return _asyncgen_hooks_type(_asyncgen_hooks)


def set_asyncgen_hooks(firstiter=_UNSET, finalizer=_UNSET):
    "Stores the hooks; gilvm's async generators do not call them."
    for index, hook in ((0, firstiter), (1, finalizer)):
        if hook is not _UNSET and hook is not None and not callable(hook):
            name = ('firstiter', 'finalizer')[index]
            raise TypeError(f"callable {name} expected, got {type(hook).__name__}")
    for index, hook in ((0, firstiter), (1, finalizer)):
        if hook is not _UNSET:
            _asyncgen_hooks[index] = hook


def is_finalizing():
    "Whether the interpreter is shutting down (never while Python code runs here)."
    return False


_coroutine_origin_tracking_depth = 0


def get_coroutine_origin_tracking_depth():
    "The depth set by set_coroutine_origin_tracking_depth (gilvm records no origins)."
    return _coroutine_origin_tracking_depth


def set_coroutine_origin_tracking_depth(depth):
    "Stores the depth (asyncio's debug mode sets it); `cr_origin` stays None."
    global _coroutine_origin_tracking_depth
    if depth < 0:
        raise ValueError("depth must be >= 0")
    _coroutine_origin_tracking_depth = depth
