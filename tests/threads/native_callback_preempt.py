# A builtin that calls back a loop-free Python function (any(map(lambda ...))) must still
# let a waiting thread in: the callback's entry is an eval-breaker check point. The
# callbacks make no calls of their own and contain no loop, so only that check point can
# hand the GIL over; without it the sleeper never runs while any() does.
import threading
import time

ROUNDS = 10
LIMIT = 3_000_000
rounds_done = 0


def sleeper():
    global rounds_done
    for _ in range(ROUNDS):
        time.sleep(0.001)
        rounds_done += 1


high = threading.Thread(target=sleeper, name="high", priority=1)
high.start()
finished = any(map(lambda i: rounds_done >= ROUNDS, range(LIMIT)))
high.join()
print("sleeper finished while the builtin ran:", finished)
