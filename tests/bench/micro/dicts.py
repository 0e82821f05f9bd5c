def run(n):
    keys = ["k" + str(i) for i in range(1000)]
    d = {}
    for i in range(n):
        k = keys[i % 1000]
        d[k] = d.get(k, 0) + 1
    return len(d), d["k7"]


print(run(2_500_000))
