# Assigning obj.__dict__: a dict or a dict subclass is taken; anything else is refused,
# named by its own type (a list subclass by its name, not "list").
class L(list): pass
class D(dict): pass
class C: pass
o = C()
for v in (L(), 5, D(a=1)):
    try:
        o.__dict__ = v
        print(o.a)
    except TypeError as e:
        print(e)
print(ascii('é€😀\x7f'), 'é\ud800'.encode('ascii', 'backslashreplace'))
try:
    '😀'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
print(eval('x', D(x=3)))
