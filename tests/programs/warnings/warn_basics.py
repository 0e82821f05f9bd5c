# warnings: warn with categories and stacklevel, filters and their actions, catch_warnings,
# showwarning/formatwarning output on stderr.
import sys
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def legacy():
    warnings.warn("legacy call")


old_api()
legacy()
legacy()  # same location: shown once by the "default" action
warnings.warn("explicit category", RuntimeWarning)
warnings.warn(UserWarning("an instance"))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy()
    old_api()
    warnings.warn("third", FutureWarning)
    for w in caught:
        print(w.category.__name__, str(w.message), w.lineno, w.filename == __file__)
    print(len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised:", e)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.warn("skip me")
    warnings.warn("keep me")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    warnings.simplefilter("module")
    print(len(caught))

print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "x = 1"), end="")
print(warnings.formatwarning("msg", DeprecationWarning, "file.py", 3, None), end="")
warnings.showwarning("shown", RuntimeWarning, "somefile.py", 7, file=sys.stdout, line="code()")
warnings.warn_explicit("explicit", UserWarning, "where.py", 5)
warnings.resetwarnings()
warnings.simplefilter("ignore", category=UserWarning)
warnings.warn("ignored")
warnings.warn("not ignored", SyntaxWarning)
print([f[0] for f in warnings.filters][:2])
print(issubclass(DeprecationWarning, Warning), BytesWarning.__mro__[1].__name__)
warnings.resetwarnings()
warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
warnings.simplefilter("ignore", category=DeprecationWarning, append=True)
import _deprecating
_deprecating.inside()
_deprecating.to_caller()
