import os

name = os.fsdecode(b"caf\xe9.txt")
print(repr(name), os.fsencode(name), os.fsencode("plain"), os.fsdecode("plain"))


class Path:
    def __fspath__(self):
        return "a/\udcff"


print(os.fsencode(Path()), repr(os.fsdecode(Path())))


class Broken:
    def __fspath__(self):
        return 3


try:
    os.fspath(Broken())
except TypeError as e:
    print(e)
print(os.fspath("x"), os.fspath(b"y"))
for bad in [3, None]:
    try:
        os.fsencode(bad)
    except TypeError as e:
        print(e)
try:
    os.fsencode("\ud800")
except UnicodeEncodeError as e:
    print(e)
