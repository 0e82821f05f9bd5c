# Raising and catching: a raise caught in the same function, one caught a call up, try/finally,
# and a try block that does not raise.
class Oops(Exception):
    pass


def fail(i):
    raise Oops(i)


def run(n):
    caught = 0
    d = {}
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError:
            caught += 1
        try:
            fail(i)
        except Oops as e:
            caught += e.args[0] & 1
        try:
            d[i]
        except KeyError:
            caught += 1
        try:
            caught += 1
        finally:
            caught -= 1
    return caught


print(run(250_000))
