#!/usr/bin/env python3
"""Soak test for a long-running server: does the threaded echo server's memory stay flat?

Starts `programs/echo_server.py` under an interpreter (gilvm by default), then sends REQUESTS
requests, each on its own connection, from CONCURRENCY client threads. One client in five
disconnects mid-message: it sends half of its message and resets the connection without reading
the echo. The server's resident set size (VmRSS) is read after the first 10% of the requests and
at the end; a server that leaks per connection (threads' records, sockets, frames kept by
tracebacks, reference cycles) grows between the two.

    python3 tests/bench/echo_soak.py [--server CMD] [--requests N] [--concurrency C]

--server defaults to target/release/gilvm; pass /usr/bin/python3.11 to measure CPython the same
way. Prints the RSS after 10% and 100% of the requests, the difference, and the elapsed time.
"""

import argparse
import os
import socket
import struct
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MESSAGE = b"x" * 64
# SO_LINGER with a zero timeout: close() resets the connection, so the client side leaves no
# TIME_WAIT entry behind and 100,000 connections do not run out of local ports.
RESET_ON_CLOSE = struct.pack("ii", 1, 0)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def one_request(port, index):
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET_ON_CLOSE)
        if index % 5 == 4:
            conn.sendall(MESSAGE[: len(MESSAGE) // 2])
            return True
        conn.sendall(MESSAGE)
        got = b""
        while len(got) < len(MESSAGE):
            chunk = conn.recv(len(MESSAGE) - len(got))
            if not chunk:
                return False
            got += chunk
        return got == MESSAGE


def run_clients(port, first, count, concurrency, failures):
    next_index = [first]
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                index = next_index[0]
                if index >= first + count:
                    return
                next_index[0] += 1
            try:
                if not one_request(port, index):
                    failures.append(index)
            except OSError:
                failures.append(index)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.path.join(ROOT, "target", "release", "gilvm"))
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    server = subprocess.Popen(
        [args.server, os.path.join(ROOT, "programs", "echo_server.py"), "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready = server.stdout.readline()
        port = int(ready.split()[-1])
        failures = []
        start = time.monotonic()
        warmup = args.requests // 10
        run_clients(port, 0, warmup, args.concurrency, failures)
        time.sleep(0.5)  # let the handler threads of the last clients finish
        after_warmup = rss_kb(server.pid)
        run_clients(port, warmup, args.requests - warmup, args.concurrency, failures)
        time.sleep(0.5)
        at_end = rss_kb(server.pid)
        elapsed = time.monotonic() - start
    finally:
        server.kill()
        server.wait()
    print(f"server: {args.server}")
    print(f"requests: {args.requests} ({args.requests // 5} disconnect mid-message), "
          f"concurrency {args.concurrency}, {elapsed:.1f} s")
    print(f"RSS after {warmup}: {after_warmup / 1024:.1f} MB")
    print(f"RSS after {args.requests}: {at_end / 1024:.1f} MB")
    print(f"growth: {(at_end - after_warmup) / 1024:+.1f} MB")
    print(f"failed requests: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
