def checked_sqrt(x):
    assert x >= 0, f"negative input {x}"
    return x**0.5


print(checked_sqrt(9.0))
try:
    checked_sqrt(-4)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args[0])
assert True, "never"
print("done")
assert checked_sqrt(16) == 5, "sqrt is wrong"
