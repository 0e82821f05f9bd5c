# Connection and Cursor basics: DDL, DML, fetching, description, rowcount, lastrowid,
# type mapping both ways, iteration and arraysize.
import sqlite3

con = sqlite3.connect(":memory:")
print(type(con).__name__, type(con.cursor()).__name__)
cur = con.cursor()
print(cur.rowcount, cur.lastrowid, cur.description, cur.arraysize)
cur.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, n)")
print(cur.description, cur.rowcount)
cur.execute("INSERT INTO t(name, score, data, n) VALUES (?, ?, ?, ?)", ("ann", 1.5, b"\x00\x01", None))
print(cur.rowcount, cur.lastrowid)
rows = [("bob", 2.0, b"", 7), ("cy", -0.25, bytearray(b"xy"), 2**62), ("dee", 1e300, memoryview(b"m"), True)]
cur.executemany("INSERT INTO t(name, score, data, n) VALUES (?, ?, ?, ?)", rows)
print(cur.rowcount, cur.lastrowid)
cur.execute("SELECT * FROM t ORDER BY id")
print(cur.description)
print(cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany())
cur.arraysize = 2
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())
for row in con.execute("SELECT name, typeof(score), typeof(data), typeof(n) FROM t"):
    print(row)
print(con.execute("SELECT 1, 2.5, 'x', x'ff', NULL").fetchall())
print(con.execute("SELECT ?", ("héllo wörld ✓",)).fetchone())
print(con.execute("SELECT ? + ?", (2**63 - 1, 0)).fetchone())
print(con.execute("SELECT -9223372036854775808").fetchone())
print(con.execute("select count(*) from t").fetchone()[0])
cur.execute("UPDATE t SET score = score * 2 WHERE score > 0")
print("updated", cur.rowcount)
cur.execute("DELETE FROM t WHERE name = ?", ("bob",))
print("deleted", cur.rowcount)
print(con.execute("SELECT name, score FROM t ORDER BY name").fetchall())
# Named parameters, and a tuple for named placeholders.
print(con.execute("SELECT :a || :b", {"a": "x", "b": "y"}).fetchone())
print(con.execute("SELECT :a, $b, @c", {"a": 1, "b": 2, "c": 3}).fetchone())
print(con.execute("SELECT :a", (5,)).fetchone())
print(con.execute("SELECT ?1, ?2, ?1", ("p", "q")).fetchone())
# An empty statement runs and gives nothing.
print(con.execute(";").fetchall(), con.execute("  -- nothing\n").fetchall())
print(con.total_changes)
cur.close()
con.close()
con.close()
