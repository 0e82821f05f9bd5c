def ret_in_try():
    try:
        return "try"
    finally:
        print("  finally after return")


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(ret_in_try(), finally_overrides(), finally_swallows())

for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)

log = []
n = 0
while True:
    n += 1
    try:
        try:
            if n == 2:
                raise KeyError(n)
            if n == 3:
                break
        finally:
            log.append(f"inner{n}")
    except KeyError as e:
        log.append(f"caught {e}")
    finally:
        log.append(f"outer{n}")
print(log)


def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x changed to", x)


print(value_at_return())
