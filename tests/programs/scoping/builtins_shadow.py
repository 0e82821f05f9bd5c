print(len("abc"))
len = lambda obj: "shadowed"
print(len("abc"))
del len
print(len("abc"))


def local_shadow():
    list = ["local", "list"]
    return list


print(local_shadow(), list("ab"))
import builtins

print(builtins.len([1, 2]), builtins.max(3, 9))
sum = 0
for i in range(4):
    sum += i
print(sum)
del sum
print(sum([1, 2]))
try:
    del undefined_thing
except NameError as e:
    print(type(e).__name__, e)
