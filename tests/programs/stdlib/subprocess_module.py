# subprocess: Popen (poll, wait with a timeout, pipes, terminate/kill, communicate with
# input and a timeout), run, check_output, call, check_call and the errors they raise.
import os
import signal
import subprocess
import sys

p = subprocess.Popen(["echo", "test"], stdout=subprocess.PIPE)
print(p.stdout.read(), p.wait(), p.returncode)
p = subprocess.Popen(["sleep", "2"])
print(p.poll())
try:
    p.wait(0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e)
p.terminate()
print(p.wait() == -signal.SIGTERM)
p = subprocess.Popen(["sleep", "2"])
p.kill()
print(p.wait() == -signal.SIGKILL)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"through cat\n" * 3))
p = subprocess.Popen(["sh", "-c", "echo out; echo err >&2; exit 3"], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True)
print(p.communicate(), p.returncode)
p = subprocess.Popen(["sleep", "5"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.timeout)
p.kill()
p.wait()
print(subprocess.run(["echo", "hi"], capture_output=True))
print(subprocess.run("echo $((1+2)) 1>&2", shell=True, stderr=subprocess.STDOUT,
                     stdout=subprocess.PIPE).stdout)
print(subprocess.run(["tr", "a-z", "A-Z"], input="shout\n", capture_output=True, text=True).stdout)
print(subprocess.check_output(["printf", "a\\nb\\n"]).splitlines())
print(subprocess.call(["true"]), subprocess.call(["false"]), subprocess.check_call(["true"]))
print(subprocess.run(["pwd"], cwd="/", stdout=subprocess.PIPE).stdout)
print(subprocess.run(["sh", "-c", "echo $GILVM_X"], env={"GILVM_X": "from env"},
                     stdout=subprocess.PIPE).stdout)
print(subprocess.run(["echo", "quiet"], stdout=subprocess.DEVNULL).returncode)
print(subprocess.getstatusoutput("echo one; exit 2"), subprocess.getoutput("echo two"))
with subprocess.Popen(["echo", "in with"], stdout=subprocess.PIPE) as p:
    print(p.stdout.readline())
print(p.returncode)
for call in (lambda: subprocess.check_output(["sh", "-c", "exit 4"]),
             lambda: subprocess.run(["sh", "-c", "kill -9 $$"], check=True),
             lambda: subprocess.run(["sleep", "3"], timeout=0.1),
             lambda: subprocess.run(["/no/such/program"]),
             lambda: subprocess.run(["true"], input=b"x", stdin=subprocess.PIPE)):
    try:
        call()
    except subprocess.TimeoutExpired as e:
        print(type(e).__name__, e.cmd)  # its timeout is what was left: not deterministic
    except (subprocess.SubprocessError, OSError, ValueError) as e:
        print(type(e).__name__, e)
r, w = os.pipe()
print(os.write(w, b"pipe data"), os.read(r, 4), os.read(r, 100))
os.close(w)
print(os.read(r, 10))
os.close(r)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, e.errno)
