# Data between processes: Pipe (objects and raw bytes, duplex and one-way), Queue from
# several producers, SimpleQueue, JoinableQueue with task_done/join.
import multiprocessing as mp
import queue


def echo(conn):
    while True:
        obj = conn.recv()
        if obj is None:
            break
        conn.send(("echo", obj))
    conn.send_bytes(b"raw bytes")
    conn.send_bytes(b"0123456789", 2, 5)
    conn.close()


def produce(q, ident, count):
    for i in range(count):
        q.put((ident, i))


def consume(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put(item * 10)
        jq.task_done()


if __name__ == "__main__":
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    for obj in [1, "two", [3.5, None], {"k": (True, b"x")}, {1, 2, 3}]:
        parent.send(obj)
        print(parent.recv())
    parent.send(None)
    print(parent.recv_bytes(), parent.recv_bytes())
    print("poll after the last message:", parent.poll(0.5))
    p.join()
    print("echo exit code:", p.exitcode)

    reader, writer = mp.Pipe(duplex=False)
    writer.send("one way")
    print(reader.recv(), reader.readable, reader.writable, writer.writable)
    try:
        reader.send("no")
    except OSError as exc:
        print("OSError:", exc)

    q = mp.Queue()
    producers = [mp.Process(target=produce, args=(q, i, 3)) for i in range(3)]
    for p in producers:
        p.start()
    items = sorted(q.get(timeout=10) for _ in range(9))
    for p in producers:
        p.join()
    print(items)
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("empty")

    sq = mp.SimpleQueue()
    p = mp.Process(target=produce, args=(sq, "s", 2))
    p.start()
    p.join()
    print(sq.get(), sq.get(), sq.empty())

    jq = mp.JoinableQueue()
    results = mp.Queue()
    workers = [mp.Process(target=consume, args=(jq, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(6):
        jq.put(n)
    for _ in workers:
        jq.put(None)
    jq.join()
    print(sorted(results.get(timeout=10) for _ in range(6)))
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])
