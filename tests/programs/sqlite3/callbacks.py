# User-defined functions, aggregates and collations, and what their failures give.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t(k INTEGER, s TEXT)")
con.executemany("INSERT INTO t VALUES (?, ?)", [(3, "b"), (1, "a"), (2, "C"), (5, "d")])

con.create_function("double", 1, lambda x: x * 2)
con.create_function("join3", 3, lambda a, b, c: f"{a}-{b}-{c}")
con.create_function("anyargs", -1, lambda *args: len(args))
con.create_function("blobby", 0, lambda: b"\x01\x02", deterministic=True)
print(con.execute("SELECT double(k), double(s) FROM t ORDER BY k").fetchall())
print(con.execute("SELECT join3(1, 'x', NULL), anyargs(), anyargs(1, 2, 3), blobby()").fetchone())


def fails(x):
    raise ValueError("no")


con.create_function("fails", 1, fails)
con.create_function("badresult", 0, lambda: [1])
for sql in ("SELECT fails(1)", "SELECT badresult()", "SELECT double(1, 2)"):
    try:
        con.execute(sql).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, value):
        self.total += value

    def finalize(self):
        return self.total


class Concat:
    def __init__(self):
        self.parts = []

    def step(self, value, sep):
        self.parts.append(str(value))
        self.sep = sep

    def finalize(self):
        return getattr(self, "sep", "").join(self.parts)


con.create_aggregate("mysum", 1, Sum)
con.create_aggregate("concat", 2, Concat)
print(con.execute("SELECT mysum(k), concat(s, '+') FROM t").fetchone())
print(con.execute("SELECT k % 2, mysum(k) FROM t GROUP BY k % 2 ORDER BY 1").fetchall())
print(con.execute("SELECT mysum(k) FROM t WHERE k > 100").fetchone())


class BadStep(Sum):
    def step(self, value):
        raise RuntimeError


class BadFinal(Sum):
    def finalize(self):
        1 / 0


con.create_aggregate("badstep", 1, BadStep)
con.create_aggregate("badfinal", 1, BadFinal)
for sql in ("SELECT badstep(k) FROM t", "SELECT badfinal(k) FROM t"):
    try:
        con.execute(sql).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)


def reverse(a, b):
    return (a < b) - (a > b)


def nocase(a, b):
    a, b = a.lower(), b.lower()
    return (a > b) - (a < b)


con.create_collation("reverse", reverse)
con.create_collation("mynocase", nocase)
print(con.execute("SELECT s FROM t ORDER BY s COLLATE reverse").fetchall())
print(con.execute("SELECT s FROM t ORDER BY s COLLATE mynocase").fetchall())
print(con.execute("SELECT s FROM t ORDER BY s").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("SELECT s FROM t ORDER BY s COLLATE reverse")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.create_collation("x", 42)
except TypeError as e:
    print("TypeError:", e)

# A function set to None (CPython 3.11 calls it and fails), and interrupting a statement
# from another thread.
con.create_function("double", 1, None)
try:
    con.execute("SELECT double(1)")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
import threading
import time

timer = threading.Thread(target=lambda: (time.sleep(0.3), con.interrupt()))
timer.start()
try:
    con.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                "SELECT count(*) FROM c").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
timer.join()
print(con.execute("SELECT 1").fetchone())
