# tempfile's names and directories: gettempdir, mkstemp, mkdtemp, mktemp, TemporaryDirectory.
import os
import tempfile

print(tempfile.gettempprefix(), tempfile.template)
base = tempfile.gettempdir()
print("a directory:", os.path.isdir(base))
with tempfile.TemporaryDirectory(prefix="gilvm-", suffix=".d") as d:
    name = os.path.basename(d)
    print(name.startswith("gilvm-"), name.endswith(".d"), len(name) == len("gilvm-") + 8 + 2)
    fd, path = tempfile.mkstemp(suffix=".txt", prefix="f-", dir=d)
    os.write(fd, b"data")
    os.close(fd)
    print(os.path.dirname(path) == d, os.path.basename(path).startswith("f-"))
    sub = tempfile.mkdtemp(dir=d)
    print(os.path.isdir(sub), sorted(os.listdir(d)) == sorted([os.path.basename(path),
                                                               os.path.basename(sub)]))
    candidate = tempfile.mktemp(dir=d)
    print(os.path.dirname(candidate) == d, os.path.exists(candidate))
print("removed:", not os.path.exists(d))
try:
    tempfile.mkstemp(dir=os.path.join(base, "no-such-dir-for-gilvm"))
except FileNotFoundError as exc:
    print("FileNotFoundError:", exc.errno)
