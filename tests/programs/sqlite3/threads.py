# A connection per thread on one file (the GIL is released while SQLite works), and
# check_same_thread's refusal.
import os
import sqlite3
import threading

path = "/tmp/gilvm-sqlite-threads-%d.db" % os.getpid()
setup = sqlite3.connect(path)
setup.execute("CREATE TABLE t(worker INTEGER, i INTEGER)")
setup.commit()


def work(n):
    con = sqlite3.connect(path, timeout=30)
    for i in range(20):
        with con:
            con.execute("INSERT INTO t VALUES (?, ?)", (n, i))
    con.close()


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(setup.execute("SELECT worker, count(*), sum(i) FROM t GROUP BY worker").fetchall())

errors = []


def misuse():
    try:
        setup.execute("SELECT 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(". The object")[0])


t = threading.Thread(target=misuse)
t.start()
t.join()
print(errors)
shared = sqlite3.connect(path, check_same_thread=False)
result = []
t = threading.Thread(target=lambda: result.append(shared.execute("SELECT count(*) FROM t").fetchone()))
t.start()
t.join()
print(result)
setup.close()
shared.close()
os.remove(path)
