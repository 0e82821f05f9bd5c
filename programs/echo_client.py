"""Drives an echo server: N round trips of S bytes on one connection, one at a time.

Usage: echo_client.py HOST PORT [N [S]]   (defaults: 2000 round trips of 64 bytes)
Prints the total time and the p50 / p99 round-trip latency.
"""
import socket
import sys
import time


def percentile(sorted_values, q):
    index = int(q * (len(sorted_values) - 1) + 0.5)
    return sorted_values[index]


def round_trip(sock, message):
    sock.sendall(message)
    received = 0
    while received < len(message):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        received += len(chunk)


def main():
    host = sys.argv[1]
    port = int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    message = bytes(size)
    latencies = []
    with socket.create_connection((host, port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        start = time.perf_counter()
        for _ in range(count):
            before = time.perf_counter()
            round_trip(sock, message)
            latencies.append(time.perf_counter() - before)
        total = time.perf_counter() - start
    latencies.sort()
    print("round trips:", count, "of", size, "bytes")
    print("total: %.4f s" % total)
    print("p50: %.1f us" % (percentile(latencies, 0.5) * 1e6))
    print("p99: %.1f us" % (percentile(latencies, 0.99) * 1e6))


main()
