"""An echo server with one thread per client, for the convoy-effect experiment of David
Beazley's "Understanding the Python GIL" talk.

Usage: echo_server.py PORT [--fib] [--priority P]
  PORT           TCP port on 127.0.0.1 (0: pick a free one; the ready line says which)
  --fib          also run a CPU-bound thread computing fib(20) in a loop, as in the talk
  --priority P   each client's thread calls gil.setpriority(P) (gilvm only; Beazley's
                 "Embracing the GIL" fix made explicit)

Prints "echo server ready on port N" once it accepts connections; runs until killed.
"""
import socket
import sys
import threading


def fib(n):
    if n < 2:
        return 1
    return fib(n - 1) + fib(n - 2)


def spin():
    while True:
        fib(20)


def serve_client(conn, priority):
    if priority is not None:
        import gil

        gil.setpriority(priority)
    with conn:
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionError:
                return
            if not data:
                return
            try:
                conn.sendall(data)
            except ConnectionError:
                return


def main():
    args = sys.argv[1:]
    port = 0
    with_fib = False
    priority = None
    while args:
        arg = args.pop(0)
        if arg == "--fib":
            with_fib = True
        elif arg == "--priority":
            priority = int(args.pop(0))
        else:
            port = int(arg)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(4096)
    if with_fib:
        threading.Thread(target=spin, daemon=True).start()
    print("echo server ready on port", server.getsockname()[1], flush=True)
    while True:
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve_client, args=(conn, priority), daemon=True).start()


main()
