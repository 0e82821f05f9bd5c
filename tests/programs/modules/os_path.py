import os
import os.path

print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "x"), os.path.join("a", "/abs", "b"), os.path.join("a", ""))
print(os.path.basename("/x/y/file.tar.gz"), os.path.dirname("/x/y/file.tar.gz"), os.path.split("/x/y/z"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext("noext"), os.path.splitext(".hidden"))
print(os.path.isabs("/a"), os.path.isabs("a/b"), os.path.normpath("a//b/../c/./d"), os.sep)
print(os.path.basename("dir/"), os.path.dirname("file"), os.path.split("file"))
