# multiprocessing.Process with the fork start method: start/join/exitcode/is_alive, names,
# daemon, terminate/kill, current_process/parent_process in the child, active_children.
import multiprocessing as mp
import os
import signal
import sys
import time


def report(tag):
    me = mp.current_process()
    parent = mp.parent_process()
    print(tag, me.name, me.daemon, parent.name, parent.pid == os.getppid(), flush=True)


def exit_with(code):
    sys.exit(code)


def hard_exit(code):
    sys.stdout.flush()
    os._exit(code)


def sleep_forever():
    while True:
        time.sleep(1)


if __name__ == "__main__":
    print("context:", mp.get_start_method(), mp.get_context("fork").get_start_method())
    p = mp.Process(target=report, args=("child:",))
    print("before start:", p.is_alive(), p.exitcode, p.pid)
    p.start()
    p.join()
    print("after join:", p.is_alive(), p.exitcode, p.name, p.pid != os.getpid())

    p = mp.Process(target=report, args=("daemon child:",), name="worker", daemon=True)
    p.start()
    p.join()
    print(p.name, p.daemon, p.exitcode)

    for target, arg in [(exit_with, 3), (exit_with, None), (hard_exit, 5)]:
        p = mp.Process(target=target, args=(arg,))
        p.start()
        p.join()
        print(target.__name__, arg, "->", p.exitcode)

    p = mp.Process(target=sleep_forever)
    p.start()
    print("alive:", p.is_alive(), "children:", mp.active_children() == [p])
    p.terminate()
    p.join()
    print("terminated:", p.exitcode == -signal.SIGTERM, p.is_alive())

    p = mp.Process(target=sleep_forever)
    p.start()
    p.kill()
    p.join(5)
    print("killed:", p.exitcode == -signal.SIGKILL)
    print("children left:", mp.active_children())
    print("main:", mp.current_process().name, mp.parent_process())
    print("cpu_count is an int:", isinstance(mp.cpu_count(), int))
    try:
        p.start()
    except AssertionError as exc:
        print("AssertionError:", exc)
    p.close()
    try:
        p.is_alive()
    except ValueError as exc:
        print("ValueError:", exc)
