# The main thread dies while a non-daemon thread still runs: CPython prints the main
# traceback first, then waits for the thread (whose own failure is reported after it).
import threading
import time


def late():
    time.sleep(0.2)
    print("thread still ran")
    raise ValueError("thread failed after main")


threading.Thread(target=late, name="late").start()
raise KeyError("main failed")
