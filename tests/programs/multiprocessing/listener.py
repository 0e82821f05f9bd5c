# multiprocessing.connection's Listener and Client over TCP between a parent and a forked
# child, and connection.wait over several pipes.
import multiprocessing as mp
from multiprocessing.connection import Client, Listener, wait


def client(address):
    with Client(address) as conn:
        conn.send(("hello", 42))
        print("client got", conn.recv(), flush=True)


def reply(conn, n):
    conn.send(n * 100)
    conn.close()


if __name__ == "__main__":
    with Listener(("127.0.0.1", 0)) as listener:
        print(listener.address[0], listener.last_accepted)
        p = mp.Process(target=client, args=(listener.address,))
        p.start()
        with listener.accept() as conn:
            print("server got", conn.recv())
            conn.send("bye")
        p.join()
        print("client exit code:", p.exitcode)

    readers = []
    for n in range(3):
        r, w = mp.Pipe(duplex=False)
        mp.Process(target=reply, args=(w, n)).start()
        w.close()
        readers.append(r)
    got = []
    while readers:
        for r in wait(readers, timeout=10):
            try:
                got.append(r.recv())
            except EOFError:
                readers.remove(r)
    print(sorted(got))
    for p in mp.active_children():
        p.join()
    print("children left:", mp.active_children())
