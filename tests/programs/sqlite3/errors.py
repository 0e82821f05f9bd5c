# The exception hierarchy and CPython's messages for common mistakes.
import sqlite3

for cls in (sqlite3.Warning, sqlite3.Error, sqlite3.InterfaceError, sqlite3.DatabaseError,
            sqlite3.DataError, sqlite3.OperationalError, sqlite3.IntegrityError,
            sqlite3.InternalError, sqlite3.ProgrammingError, sqlite3.NotSupportedError):
    print(cls, [b.__name__ for b in cls.__mro__[1:]])
con = sqlite3.connect(":memory:")
print(con.IntegrityError is sqlite3.IntegrityError, con.Error is sqlite3.Error)
con.execute("CREATE TABLE t(a UNIQUE, b NOT NULL DEFAULT 0, c CHECK (c > 0))")
con.execute("INSERT INTO t(a, c) VALUES (1, 1)")


def attempt(sql, params=()):
    try:
        print(con.execute(sql, params).fetchall())
    except Exception as e:
        print(type(e).__name__ + ":", e, getattr(e, "sqlite_errorcode", None),
              getattr(e, "sqlite_errorname", None))


attempt("SELECT * FROM nope")
attempt("SELEC 1")
attempt("SELECT nope FROM t")
attempt("INSERT INTO t(a, c) VALUES (1, 1)")
attempt("INSERT INTO t(a, b, c) VALUES (2, NULL, 1)")
attempt("INSERT INTO t(a, c) VALUES (3, -1)")
attempt("SELECT ?", (1, 2))
attempt("SELECT ?, ?", (1,))
attempt("SELECT ?", [[1]])
attempt("SELECT ?", (object(),))
attempt("SELECT ?", (2**64,))
attempt("SELECT :x", {"y": 1})
attempt("SELECT ?", {"x": 1})
attempt("SELECT ?", 1)
attempt("SELECT 1; SELECT 2")
attempt("CREATE TABLE t(x)")
try:
    con.executemany("SELECT ?", [(1,)])
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
try:
    con.execute(42)
except TypeError as e:
    print("TypeError:", e)
cur = con.cursor()
cur.close()
try:
    cur.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
con.close()
for action in (lambda: con.execute("SELECT 1"), con.cursor, con.commit, lambda: con.total_changes):
    try:
        action()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError:", e)
try:
    sqlite3.connect("/nonexistent-dir/x/y.db")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
