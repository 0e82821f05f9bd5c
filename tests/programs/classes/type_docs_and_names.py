# Built-in types carry CPython's docstrings; every class has its own __doc__ (None without a
# docstring), so instances never read object's; a class's special names cannot be deleted,
# and __name__/__qualname__ take only strings.


class A:
    pass


class B(dict):
    """B's own."""


print('__doc__' in A.__dict__, A.__doc__, A().__doc__, B().__doc__, B.__doc__)
print(dict.__doc__ == {}.__doc__, type.__doc__.splitlines()[0])
print(int.__doc__.splitlines()[0], list.__doc__.splitlines()[0], object.__doc__)
print(isinstance(str.__doc__, str), (1).__doc__ == int.__doc__, property.__doc__[:19])

for n in ('__qualname__', '__name__', '__module__', '__bases__', '__doc__'):
    try:
        delattr(A, n)
    except TypeError as e:
        print(e)
for target, n, v in ((int, '__qualname__', 'x'), (A, '__qualname__', 123), (A, '__name__', None)):
    try:
        setattr(target, n, v)
    except TypeError as e:
        print(e)
A.__qualname__ = 'AA'
print(A.__qualname__, A.__name__)
