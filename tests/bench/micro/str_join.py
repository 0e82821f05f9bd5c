def run(n):
    return len("".join([str(i) for i in range(n)]))


print(run(2_000_000))
