def depth(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        depth(n - 1)
    except ValueError as e:
        raise RuntimeError(f"level {n}") from e


try:
    depth(3)
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__cause__
    print(" <- ".join(chain))

results = []
for value in ["1", "x", None, "3"]:
    try:
        try:
            results.append(int(value))
        except ValueError:
            results.append("bad")
            raise
    except ValueError:
        results.append("reraised")
    except TypeError as e:
        results.append(type(e).__name__)
print(results)


def swallow_in_loop():
    out = []
    for i in range(5):
        try:
            if i % 2:
                raise IndexError(i)
            out.append(i)
        except IndexError as e:
            out.append(-e.args[0])
            continue
        finally:
            out.append("f")
    return out


print(swallow_in_loop())
