def run(n):
    s = ""
    for i in range(n):
        s += str(i)
    return len(s)


print(run(3_000_000))
