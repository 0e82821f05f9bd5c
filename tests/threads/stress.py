# Refcount stress: threads create and drop references to shared lists and append to one
# list, switching the GIL often. Any unserialized refcount or list update shows up as a
# wrong count, a wrong length or a crash.
import sys
import threading

sys.setswitchinterval(0.0001)
N_THREADS = 6
ROUNDS = 20000
shared = [[i] for i in range(8)]
sink = []


def churn(k):
    keep = []
    for i in range(ROUNDS):
        item = shared[i % len(shared)]
        keep.append(item)
        alias = [item, item, shared]
        sink.append((k, alias[0][0]))
        if len(keep) > 50:
            keep = []
    keep.clear()


threads = [threading.Thread(target=churn, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(sink), sum(v for _, v in sink), [len(x) for x in shared])
print(sorted(set(k for k, _ in sink)))
