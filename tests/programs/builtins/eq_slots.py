# The __eq__/__ne__ slots of functions, None and built-in functions answer NotImplemented for
# other types; slices compare as (start, stop, step) tuples.
def f():
    pass


print(f.__eq__(1), f.__eq__(f), f.__ne__(1), f.__ne__(f), f == f, f != 1)
print(None.__ne__(1), None.__ne__(None), None.__eq__(None), None.__eq__(1))
print(print.__eq__(print), print.__eq__(1), object().__ne__(1))
print(slice(1, 2) == slice(1, 2), slice(1, 2).__eq__(slice(1, 2)), slice(1, 2) != slice(1, 3))
print(slice(1, [2]) == slice(1, [2]), slice(1, 2).__eq__(1), slice(1, 2) == (1, 2, None))
print(slice(1, 2) < slice(1, 3), slice(2) > slice(1), slice(1, 2, 3) <= slice(1, 2, 3))
print(sorted([slice(3), slice(1, 5), slice(0, 9)]))
try:
    slice(1) < slice(None)
except TypeError as e:
    print("TypeError", e)
