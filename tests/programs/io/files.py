import os

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_tmp_files_%d" % os.getpid())
os.mkdir(base)
path = os.path.join(base, "notes.txt")

with open(path, "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.writable(), f.readable())
    f.write("second line\n")
    f.writelines(["third\n", "fourth — ünïcode\n"])
print(f.closed, os.path.exists(path), os.path.isfile(path), os.path.isdir(base))

with open(path) as f:
    print(repr(f.readline()))
    print(f.readlines())
with open(path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("appended\n")
f = open(path, "r")
text = f.read()
f.close()
print(len(text), text.count("\n"), text.splitlines()[-1])
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)

data_path = os.path.join(base, "data.bin")
with open(data_path, "wb") as f:
    f.write(bytes([0, 1, 2, 255]))
    f.write(b"xyz")
with open(data_path, "rb") as f:
    blob = f.read()
print(blob, len(blob), blob[3], list(blob[:3]))
with open(data_path, "rb") as f:
    print(f.read(2), f.read(2), f.read())

missing = os.path.join(base, "missing.txt")
try:
    open(missing)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == missing)
    print(str(e).replace(base, "BASE"))
try:
    open(path, "rw")
except ValueError as e:
    print(type(e).__name__, e)
try:
    with open(path) as f:
        f.write("nope")
except OSError as e:
    print(type(e).__name__, e)

print(sorted(os.listdir(base)))
os.remove(path)
os.remove(data_path)
os.rmdir(base)
print(os.path.exists(base))
