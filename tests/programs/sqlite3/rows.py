# row_factory and sqlite3.Row, text_factory, adapters and converters, iterdump.
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("CREATE TABLE t(Name TEXT, Age INTEGER)")
con.execute("INSERT INTO t VALUES ('ann', 30)")
row = con.execute("SELECT Name, Age FROM t").fetchone()
print(type(row).__name__, row.keys(), len(row))
print(row[0], row[1], row["name"], row["AGE"], row[-1], row[0:2], tuple(row), list(row))
try:
    row["nope"]
except IndexError as e:
    print("IndexError:", e)
try:
    row[5]
except IndexError as e:
    print("IndexError:", e)
again = con.execute("SELECT Name, Age FROM t").fetchone()
print(row == again, row != again, row == tuple(row), hash(row) == hash(again))
print(isinstance(row, __import__("collections").abc.Sequence))

con.row_factory = lambda cursor, values: {d[0]: v for d, v in zip(cursor.description, values)}
print(con.execute("SELECT Name, Age FROM t").fetchall())
cur = con.cursor()
con.row_factory = None
print(cur.execute("SELECT Name FROM t").fetchone())
print(con.execute("SELECT Name FROM t").fetchone())

con.text_factory = bytes
print(con.execute("SELECT 'héllo', 1, x'00'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("SELECT 'héllo'").fetchone())
con.text_factory = str


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("CREATE TABLE p(pt point, d date, ts timestamp, n integer)")
con.execute("INSERT INTO p VALUES (?, ?, ?, ?)",
            (Point(1, 2.5), datetime.date(2024, 2, 29), datetime.datetime(2001, 2, 3, 4, 5, 6, 7), 5))
print(con.execute("SELECT * FROM p").fetchone())
print(con.execute("SELECT pt AS \"pt [point]\", '7;8' AS \"q [point]\" FROM p").fetchone())
cur = con.execute("SELECT n AS \"count [text]\" FROM p")
print(cur.description[0][0], cur.fetchone())
plain = sqlite3.connect(":memory:")
print(plain.execute("SELECT ?", (Point(3, 4),)).fetchone())


class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"


print(plain.execute("SELECT ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(Point(5, 6)))
plain.execute("CREATE TABLE d(a INTEGER PRIMARY KEY, b TEXT)")
plain.execute("INSERT INTO d VALUES (1, 'it''s')")
plain.commit()
for line in plain.iterdump():
    print(line)
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 'a;"))
print(sqlite3.apilevel, sqlite3.paramstyle, sqlite3.threadsafety, sqlite3.PARSE_DECLTYPES,
      sqlite3.PARSE_COLNAMES)
print(isinstance(sqlite3.sqlite_version, str), len(sqlite3.sqlite_version_info),
      sqlite3.sqlite_version_info >= (3, 7, 15), sqlite3.version_info)
