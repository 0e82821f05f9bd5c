class Oops(Exception):
    pass


print("start")
raise Oops
