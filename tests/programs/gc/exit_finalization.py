# What exit does before the process ends (the `gilvm` command then leaves the runtime's
# memory to the OS instead of freeing it): atexit callbacks, the __del__ of the main
# module's objects, and buffered files written out although never closed.
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import atexit, sys
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
kept = Noisy("global")
unclosed = open(sys.argv[1], "w")
unclosed.write("buffered text\n")
atexit.register(print, "atexit ran")
print("end of the child's script")
"""

path = os.path.join(tempfile.mkdtemp(), "unclosed.txt")
run = subprocess.run([sys.executable, "-c", CHILD, path], capture_output=True, text=True)
print(run.returncode, run.stdout, run.stderr, sep="\n")
with open(path) as f:
    print("the unclosed file holds:", f.read().strip())
os.remove(path)
os.rmdir(os.path.dirname(path))
