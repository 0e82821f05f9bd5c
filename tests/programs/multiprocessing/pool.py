# multiprocessing.Pool on fork: map, imap, imap_unordered, starmap, apply, apply_async,
# a worker's exception raised in the parent, and the pool as a context manager.
import multiprocessing as mp


def square(x):
    return x * x


def divide(a, b):
    return a / b


def whoami(_):
    return mp.current_process().name.startswith("ForkPoolWorker")


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, range(12), chunksize=5))
        print(list(pool.imap(square, range(6))))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(pool.starmap(divide, [(1, 2), (9, 3)]))
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        print(pool.apply(divide, (7, 2)))
        result = pool.apply_async(square, (11,))
        print(result.get(timeout=10), result.ready(), result.successful())
        print(all(pool.map(whoami, range(6))))
        failing = pool.apply_async(divide, (1, 0))
        try:
            failing.get(timeout=10)
        except ZeroDivisionError as exc:
            print("ZeroDivisionError:", exc)
        try:
            pool.map(divide, [(1, 0)])
        except TypeError as exc:
            print("TypeError:", exc)
    print("pool closed")
    pool = mp.get_context("fork").Pool(2)
    print(pool.map(square, [4, 5]))
    pool.close()
    pool.join()
    print("joined")
