# os.fork in a process with other threads running: in the child only the forking thread
# exists (it is the main thread), the GIL is its own, and new threads work; the at-fork
# callbacks run in CPython's order; wait statuses decode as CPython's macros do.
import os
import signal
import sys
import threading

stop = threading.Event()


def spin():
    n = 0
    while not stop.is_set():
        n += 1


spinners = [threading.Thread(target=spin, name=f"spinner-{i}") for i in range(2)]
for t in spinners:
    t.start()

order = []
os.register_at_fork(before=lambda: order.append("before 1"),
                    after_in_parent=lambda: order.append("parent 1"),
                    after_in_child=lambda: order.append("child 1"))
os.register_at_fork(before=lambda: order.append("before 2"),
                    after_in_parent=lambda: order.append("parent 2"),
                    after_in_child=lambda: order.append("child 2"))

pid = os.fork()
if pid == 0:
    print("child hooks:", order)
    print("child threads:", [t.name for t in threading.enumerate()])
    print("child main is current:", threading.main_thread() is threading.current_thread())
    for t in spinners:
        t.join()
        print("child joined", t.name, "alive:", t.is_alive())
    results = []
    workers = [threading.Thread(target=lambda i=i: results.append(i * i)) for i in range(4)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print("child threads ran:", sorted(results))
    sys.stdout.flush()
    os._exit(7)

got, status = os.waitpid(pid, 0)
stop.set()
for t in spinners:
    t.join()
print("parent hooks:", order)
print("waited for the child:", got == pid)
print("exited:", os.WIFEXITED(status), "status:", os.WEXITSTATUS(status),
      "exit code:", os.waitstatus_to_exitcode(status))

# A child that ends its script normally exits with the script's status.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(3)
print("sys.exit(3) in the child:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# Killed by a signal.
pid = os.fork()
if pid == 0:
    signal.pause() if hasattr(signal, "pause") else threading.Event().wait()
    os._exit(0)
os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
print("killed:", os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGKILL,
      os.waitstatus_to_exitcode(status))

# Nothing left to wait for.
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as exc:
    print("ChildProcessError:", exc)

for bad in [dict(), dict(before=1), dict(after_in_child="x")]:
    try:
        os.register_at_fork(**bad)
    except TypeError as exc:
        print("TypeError:", exc)
try:
    os.waitstatus_to_exitcode(0x7f)
except ValueError as exc:
    print("ValueError:", exc)
print(os.getppid() != os.getpid(), type(os.cpu_count()).__name__, len(os.urandom(16)))
