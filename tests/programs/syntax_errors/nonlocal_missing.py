def g():
    x = 1
    def h():
        nonlocal y
    return h
