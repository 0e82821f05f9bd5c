def f(x):
    print(x)

1 = f
