import gc


class C:
    def __del__(self):
        1/0


c = C()
del c
print("after")
r = C()
r.me = r
del r
print(gc.collect() >= 1)
print("end")
