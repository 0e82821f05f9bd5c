# Implicit transactions as CPython 3.11 does them: BEGIN before DML, commit/rollback,
# isolation_level (None is autocommit), in_transaction, executescript's COMMIT, the
# connection as a context manager, and the data seen by a second connection to a file.
import os
import sqlite3

path = "/tmp/gilvm-sqlite-tx-%d.db" % os.getpid()
con = sqlite3.connect(path)
other = sqlite3.connect(path)
print(repr(con.isolation_level), con.in_transaction)
con.execute("CREATE TABLE t(x)")
print("after DDL", con.in_transaction)
con.execute("INSERT INTO t VALUES (1)")
print("after INSERT", con.in_transaction)
print("other sees", other.execute("SELECT count(*) FROM t").fetchone())
con.commit()
print("after commit", con.in_transaction)
print("other sees", other.execute("SELECT count(*) FROM t").fetchone())
con.execute("  /* a comment */ insert INTO t VALUES (2)")
print("after commented insert", con.in_transaction)
con.rollback()
print("after rollback", con.in_transaction, con.execute("SELECT x FROM t").fetchall())
con.execute("SELECT * FROM t")
print("after SELECT", con.in_transaction)

with con:
    con.execute("INSERT INTO t VALUES (3)")
print("with committed", con.in_transaction, other.execute("SELECT x FROM t").fetchall())
try:
    with con:
        con.execute("INSERT INTO t VALUES (4)")
        raise ValueError("boom")
except ValueError as e:
    print("with rolled back:", e, con.execute("SELECT x FROM t").fetchall())

con.execute("INSERT INTO t VALUES (5)")
con.executescript("INSERT INTO t VALUES (6);")
print("executescript committed", con.in_transaction, other.execute("SELECT x FROM t").fetchall())

con.isolation_level = "IMMEDIATE"
con.execute("UPDATE t SET x = x + 10")
print(con.isolation_level, con.in_transaction)
con.isolation_level = None
print("None commits", con.in_transaction, other.execute("SELECT x FROM t").fetchall())
con.execute("INSERT INTO t VALUES (7)")
print("autocommit", con.in_transaction, other.execute("SELECT count(*) FROM t").fetchone())
con.execute("BEGIN")
con.execute("DELETE FROM t")
print("explicit BEGIN", con.in_transaction)
con.rollback()
print(con.execute("SELECT count(*) FROM t").fetchone())
for level in ("deferred", "EXCLUSIVE", ""):
    con.isolation_level = level
    print(repr(con.isolation_level))
for bad in ("SOMETIMES", 1):
    try:
        con.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
con2 = sqlite3.connect(":memory:", isolation_level=None)
print(con2.isolation_level)
print(con.total_changes > 0)
con.close()
other.close()
os.remove(path)
