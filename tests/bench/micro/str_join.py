def run(n):
    return len("".join([str(i) for i in range(n)]))


print(run(1_000_000))
