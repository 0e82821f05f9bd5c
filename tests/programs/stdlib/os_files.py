import os

base = os.path.join("tests", "programs", "stdlib", "_tmp_os_files")
if os.path.exists(base):
    for top, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(top, f))
        for d in dirs:
            os.rmdir(os.path.join(top, d))
    os.rmdir(base)
os.makedirs(os.path.join(base, "a", "b"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
os.mkdir(os.path.join(base, "c"))
with open(os.path.join(base, "a", "one.txt"), "w") as f:
    f.write("hello")
with open(os.path.join(base, "a", "b", "two.txt"), "w") as f:
    f.write("hi there")
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
for top, dirs, files in sorted(os.walk(base)):
    print(top.replace(os.sep, "/"), sorted(dirs), sorted(files))
print([t.replace(os.sep, "/") for t, _, _ in os.walk(base, topdown=False)][-1])
st = os.stat(os.path.join(base, "a", "one.txt"))
print(st.st_size, st[6], st.st_mode & 0o170000 == 0o100000, isinstance(st.st_mtime, float), len(st), type(st).__name__)
print(os.stat(base).st_mode & 0o170000 == 0o040000, os.path.getsize(os.path.join(base, "a", "b", "two.txt")))
entries = sorted((e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in os.scandir(os.path.join(base, "a")))
print(entries)
with os.scandir(base) as it:
    print(sorted(e.path.replace(os.sep, "/") for e in it))
os.rename(os.path.join(base, "a", "one.txt"), os.path.join(base, "c", "uno.txt"))
print(os.path.exists(os.path.join(base, "a", "one.txt")), os.path.isfile(os.path.join(base, "c", "uno.txt")))
os.unlink(os.path.join(base, "c", "uno.txt"))
os.remove(os.path.join(base, "a", "b", "two.txt"))
for call in [lambda: os.stat(os.path.join(base, "nope")), lambda: os.mkdir(base), lambda: os.rmdir(os.path.join(base, "nope")),
             lambda: os.remove(os.path.join(base, "nope")), lambda: os.listdir(os.path.join(base, "nope")),
             lambda: os.chdir(os.path.join(base, "nope"))]:
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename.replace(os.sep, "/"))
cwd = os.getcwd()
os.chdir(base)
print(sorted(os.listdir(".")), os.path.relpath(cwd) == os.path.join("..", "..", "..", ".."))
os.chdir(cwd)
print(os.getcwd() == cwd)
os.rmdir(os.path.join(base, "a", "b"))
os.rmdir(os.path.join(base, "a"))
os.rmdir(os.path.join(base, "c"))
os.rmdir(base)
print(os.path.exists(base))
print(os.path.join("a", "b", "/c", "d"), os.path.split("/x/y/z.txt"), os.path.splitext("arch.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.normpath("a//b/../c/./d"), os.path.normpath("/../x"))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"), os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.isabs("/x"))
print(os.path.abspath("/a/./b/../c"), os.path.expanduser("~") == os.environ.get("HOME"), os.path.splitdrive("/a/b"))
print(os.getenv("GILVM_SURELY_UNSET"), os.getenv("GILVM_SURELY_UNSET", "dflt"), "PATH" in os.environ, os.getpid() > 0, os.getppid() > 0)
print(os.sep, os.curdir, os.pardir, os.linesep == "\n", os.name, os.strerror(2), os.cpu_count() > 0, os.SEEK_END)
