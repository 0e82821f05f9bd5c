# gilvm's sqlite3.dbapi2: the DB-API 2.0 of CPython 3.11's sqlite3 over the native
# `_sqlite3` (a connection is a handle to the thread that owns the database; see
# stdlib/sqlite3/mod.rs). Connection, Cursor, Row, the exceptions, adapters and converters
# are here, with CPython's behaviour and messages.
import datetime
import time
import collections.abc
import _sqlite3
from _thread import get_ident as _get_ident

paramstyle = "qmark"
apilevel = "2.0"
# SQLite is built serialized (SQLITE_THREADSAFE=1), which CPython reports as 3.
threadsafety = 3
version = "2.6.0"
sqlite_version = _sqlite3.sqlite_version
version_info = tuple([int(x) for x in version.split(".")])
sqlite_version_info = tuple([int(x) for x in sqlite_version.split(".")])

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

SQLITE_OK = 0
SQLITE_DENY = 1
SQLITE_IGNORE = 2


class Warning(Exception):
    pass


class Error(Exception):
    sqlite_errorcode = None
    sqlite_errorname = None


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_ERRORS = (Warning, Error, InterfaceError, DatabaseError, DataError, OperationalError,
           IntegrityError, InternalError, ProgrammingError, NotSupportedError)
for _cls in _ERRORS:
    _cls.__module__ = "sqlite3"

# SQLite's primary result codes: name and the DB-API class CPython raises for each.
_CODES = {
    1: ("SQLITE_ERROR", OperationalError), 2: ("SQLITE_INTERNAL", InternalError),
    3: ("SQLITE_PERM", OperationalError), 4: ("SQLITE_ABORT", OperationalError),
    5: ("SQLITE_BUSY", OperationalError), 6: ("SQLITE_LOCKED", OperationalError),
    7: ("SQLITE_NOMEM", MemoryError), 8: ("SQLITE_READONLY", OperationalError),
    9: ("SQLITE_INTERRUPT", OperationalError), 10: ("SQLITE_IOERR", OperationalError),
    11: ("SQLITE_CORRUPT", DatabaseError), 12: ("SQLITE_NOTFOUND", InternalError),
    13: ("SQLITE_FULL", OperationalError), 14: ("SQLITE_CANTOPEN", OperationalError),
    15: ("SQLITE_PROTOCOL", OperationalError), 16: ("SQLITE_EMPTY", OperationalError),
    17: ("SQLITE_SCHEMA", OperationalError), 18: ("SQLITE_TOOBIG", DataError),
    19: ("SQLITE_CONSTRAINT", IntegrityError), 20: ("SQLITE_MISMATCH", IntegrityError),
    21: ("SQLITE_MISUSE", InterfaceError), 22: ("SQLITE_NOLFS", DatabaseError),
    23: ("SQLITE_AUTH", DatabaseError), 24: ("SQLITE_FORMAT", DatabaseError),
    25: ("SQLITE_RANGE", InterfaceError), 26: ("SQLITE_NOTADB", DatabaseError),
}
# The extended codes scripts meet most (the others are named by their primary code).
_EXTENDED_NAMES = {
    275: "SQLITE_CONSTRAINT_CHECK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
    1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
    2067: "SQLITE_CONSTRAINT_UNIQUE", 1811: "SQLITE_CONSTRAINT_TRIGGER",
    2579: "SQLITE_CONSTRAINT_ROWID", 517: "SQLITE_BUSY_SNAPSHOT",
    264: "SQLITE_READONLY_ROLLBACK", 1032: "SQLITE_READONLY_DBMOVED",
}


def _error(code, message):
    if code < 0:
        return ProgrammingError(message)
    name, cls = _CODES.get(code & 0xFF, ("SQLITE_UNKNOWN", DatabaseError))
    exc = cls(message)
    if cls is not MemoryError:
        exc.sqlite_errorcode = code
        exc.sqlite_errorname = _EXTENDED_NAMES.get(code, name)
    return exc


class PrepareProtocol:
    def __init__(self, *args, **kwargs):
        pass


PrepareProtocol.__module__ = "sqlite3"

adapters = {}
converters = {}


def register_adapter(type, adapter, /):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    converters[typename.upper()] = converter


_MARKER = object()


def adapt(obj, proto=PrepareProtocol, alt=_MARKER, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    adapt_hook = getattr(proto, "__adapt__", None)
    if adapt_hook is not None:
        adapted = adapt_hook(obj)
        if adapted is not None:
            return adapted
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        adapted = conform(proto)
        if adapted is not None:
            return adapted
    if alt is not _MARKER:
        return alt
    raise ProgrammingError("can't adapt")


_PLAIN = (int, float, str, bytes, type(None))


def _bind_value(value, index):
    if type(value) not in _PLAIN and adapters:
        value = adapt(value, PrepareProtocol, value)
    elif type(value) not in _PLAIN:
        conform = getattr(value, "__conform__", None)
        if conform is not None:
            adapted = conform(PrepareProtocol)
            if adapted is not None:
                value = adapted
    if value is None or isinstance(value, (int, float, str, bytes, bytearray, memoryview)):
        return value
    raise ProgrammingError("Error binding parameter %d: type '%s' is not supported"
                           % (index, type(value).__name__))


def _bind(names, parameters):
    """The values for a statement's parameters (CPython's rules and messages)."""
    if type(parameters) in (tuple, list) or (
            not isinstance(parameters, dict) and isinstance(parameters, collections.abc.Sequence)):
        if len(parameters) != len(names):
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement uses %d, "
                "and there are %d supplied." % (len(names), len(parameters)))
        return [_bind_value(parameters[i], i + 1) for i in range(len(names))]
    if isinstance(parameters, dict):
        values = []
        for i, name in enumerate(names):
            if name is None:
                raise ProgrammingError(
                    "Binding %d has no name, but you supplied a dictionary (which has only "
                    "names)." % (i + 1))
            try:
                value = parameters[name[1:]]
            except KeyError:
                raise ProgrammingError(
                    "You did not supply a value for binding parameter %s." % name) from None
            values.append(_bind_value(value, i + 1))
        return values
    raise ProgrammingError("parameters are of unsupported type")


def _skip_comments(sql):
    """`sql` from its first keyword: CPython 3.11 looks at it to tell DML."""
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in " \t\n\r\f":
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            if j < 0:
                return ""
            i = j + 1
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            if j < 0:
                return ""
            i = j + 2
        else:
            break
    return sql[i:]


def _is_dml(sql):
    head = _skip_comments(sql)[:7].lower()
    return head.startswith(("insert", "update", "delete", "replace"))


class Row:
    __slots__ = ("_description", "_values")

    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("argument 1 must be sqlite3.Cursor, not %s" % type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("argument 2 must be tuple, not %s" % type(data).__name__)
        self._description = cursor.description
        self._values = data

    def keys(self):
        if self._description is None:
            return []
        return [d[0] for d in self._description]

    def __getitem__(self, key):
        if isinstance(key, str):
            lowered = key.lower()
            for i, name in enumerate(self.keys()):
                if name.lower() == lowered:
                    return self._values[i]
            raise IndexError("No item with that key")
        return self._values[key]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._values == other._values

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._description) ^ hash(self._values)


Row.__module__ = "sqlite3"
collections.abc.Sequence.register(Row)


class Cursor:
    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError("argument 1 must be sqlite3.Connection, not %s"
                            % type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self.row_factory = None
        self._rows = []
        self._next = 0
        self._closed = False
        self._converters = None

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        self.connection._check()

    def execute(self, sql, parameters=(), /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not %s" % type(sql).__name__)
        return self._execute(sql, [parameters], False)

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError("executemany() argument 1 must be str, not %s" % type(sql).__name__)
        return self._execute(sql, iter(seq_of_parameters), True)

    def _execute(self, sql, parameter_sets, many):
        conn = self.connection
        self._rows, self._next = [], 0
        self.description = None
        self.rowcount = -1
        is_dml = _is_dml(sql)
        if is_dml and conn._isolation_level is not None and not conn.in_transaction:
            conn._exec("BEGIN " + conn._isolation_level)
        names, columns = _sqlite3._prepare(conn._handle, sql, conn._hooks)
        try:
            if many and columns:
                raise ProgrammingError("executemany() can only execute DML statements.")
            if is_dml:
                self.rowcount = 0
            factory = None if conn.text_factory is str else conn.text_factory
            for parameters in parameter_sets:
                values = _bind(names, parameters)
                rows, changes, rowid = _sqlite3._run(conn._handle, values, factory, conn._hooks)
                if is_dml:
                    self.rowcount += changes
                self._rows.extend(rows)
        except BaseException:
            self.rowcount = -1
            raise
        finally:
            _sqlite3._finish(conn._handle)
        if columns:
            self.description = tuple((conn._column_name(name),) + (None,) * 6
                                     for name, _ in columns)
            self._converters = conn._converters_for(columns)
        if not many:
            self.lastrowid = rowid
        return self

    def executescript(self, sql_script, /):
        self._check()
        if not isinstance(sql_script, str):
            raise ValueError("script argument must be unicode.")
        conn = self.connection
        if conn.in_transaction:
            conn._exec("COMMIT")
        _sqlite3._script(conn._handle, sql_script, conn._hooks)
        self._rows, self._next = [], 0
        return self

    def _row(self, values):
        if self._converters:
            values = tuple(_convert(conv, v) for conv, v in zip(self._converters, values))
        if self.row_factory is not None:
            return self.row_factory(self, values)
        return values

    def fetchone(self):
        self._check()
        if self._next >= len(self._rows):
            return None
        values = self._rows[self._next]
        self._next += 1
        return self._row(values)

    def fetchmany(self, size=None):
        self._check()
        if size is None:
            size = self.arraysize
        out = []
        while len(out) < size:
            row = self.fetchone()
            if row is None:
                break
            out.append(row)
        return out

    def fetchall(self):
        self._check()
        out = []
        while True:
            row = self.fetchone()
            if row is None:
                return out
            out.append(row)

    def __iter__(self):
        return self

    def __next__(self):
        row = self.fetchone()
        if row is None:
            raise StopIteration
        return row

    def close(self):
        self.connection._check()
        self._closed = True
        self._rows = []

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


Cursor.__module__ = "sqlite3"


def _convert(converter, value):
    if converter is None or value is None:
        return value
    if isinstance(value, str):
        value = value.encode()
    elif isinstance(value, (int, float)):
        value = str(value).encode()
    return converter(value)


_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class Connection:
    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    DataError = DataError
    OperationalError = OperationalError
    IntegrityError = IntegrityError
    InternalError = InternalError
    ProgrammingError = ProgrammingError
    NotSupportedError = NotSupportedError

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        import os
        database = os.fsdecode(os.fspath(database))
        self._handle = None
        self._thread = _get_ident()
        self._check_same_thread = check_same_thread
        self._callbacks = {}
        self._aggregates = {}
        self._next_id = 0
        self.detect_types = detect_types
        self.row_factory = None
        self.text_factory = str
        self._handle = _sqlite3._open(database, uri, float(timeout), self._hooks)
        self._isolation_level = None
        self.isolation_level = isolation_level

    def _hooks(self, kind, ident, *args):
        """The native side's calls back: errors to raise, and user callbacks to run."""
        if kind == "error":
            return _error(ident, args[0])
        if kind == "function":
            return self._callbacks[ident](*args)
        if kind == "init":
            self._next_id += 1
            self._aggregates[self._next_id] = self._callbacks[ident]()
            return self._next_id
        if kind == "step":
            return self._aggregates[args[0]].step(*args[1:])
        if kind == "finalize":
            return self._aggregates.pop(args[0]).finalize()
        result = self._callbacks[ident](*args)
        if not isinstance(result, int):
            raise TypeError("collation must return an int")
        return result

    def _check(self):
        if self._check_same_thread and _get_ident() != self._thread:
            raise ProgrammingError(
                "SQLite objects created in a thread can only be used in that same thread. "
                "The object was created in thread id %d and this is thread id %d."
                % (self._thread, _get_ident()))
        if self._handle is None:
            raise ProgrammingError("Cannot operate on a closed database.")

    def _exec(self, sql):
        _sqlite3._prepare(self._handle, sql, self._hooks)
        try:
            _sqlite3._run(self._handle, [], None, self._hooks)
        finally:
            _sqlite3._finish(self._handle)

    def _column_name(self, name):
        if self.detect_types & PARSE_COLNAMES:
            i = name.find("[")
            if i >= 0:
                if i > 0 and name[i - 1] == " ":
                    i -= 1
                return name[:i]
        return name

    def _converters_for(self, columns):
        if not self.detect_types or not converters:
            return None
        found = []
        for name, decltype in columns:
            converter = None
            if self.detect_types & PARSE_COLNAMES:
                start, end = name.find("["), name.find("]")
                if 0 <= start < end:
                    converter = converters.get(name[start + 1:end].upper())
            if converter is None and self.detect_types & PARSE_DECLTYPES and decltype:
                key = decltype.split("(")[0].split(" ")[0]
                converter = converters.get(key.upper())
            found.append(converter)
        return found if any(c is not None for c in found) else None

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        if level is None:
            if self._handle is not None and self.in_transaction:
                self._exec("COMMIT")
        elif not isinstance(level, str):
            raise TypeError("isolation_level must be str or None")
        elif level.upper() not in _LEVELS:
            raise ValueError(
                "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
        else:
            level = level.upper()
        self._isolation_level = level

    @property
    def in_transaction(self):
        self._check()
        return not _sqlite3._status(self._handle, self._hooks)[1]

    @property
    def total_changes(self):
        self._check()
        return _sqlite3._status(self._handle, self._hooks)[0]

    def cursor(self, factory=Cursor):
        self._check()
        cursor = factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not %s" % type(cursor).__name__)
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if self.in_transaction:
            self._exec("COMMIT")

    def rollback(self):
        self._check()
        if self.in_transaction:
            self._exec("ROLLBACK")

    def close(self):
        if self._check_same_thread and _get_ident() != self._thread:
            self._check()
        if self._handle is not None:
            _sqlite3._close(self._handle, self._hooks)
            self._handle = None

    def _register(self, callback):
        self._next_id += 1
        self._callbacks[self._next_id] = callback
        return self._next_id

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        # CPython 3.11 registers None too: calling it fails as any raising function does.
        _sqlite3._function(self._handle, name, narg, self._register(func), deterministic,
                           self._hooks)

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        _sqlite3._aggregate(self._handle, name, n_arg, self._register(aggregate_class),
                            self._hooks)

    def create_collation(self, name, callable, /):
        self._check()
        if callable is not None and not hasattr(callable, "__call__"):
            raise TypeError("parameter must be callable")
        ident = None if callable is None else self._register(callable)
        _sqlite3._collation(self._handle, name, ident, self._hooks)

    def iterdump(self):
        from sqlite3.dump import _iterdump
        return _iterdump(self)

    def interrupt(self):
        if self._handle is None:
            raise ProgrammingError("Cannot operate on a closed database.")
        _sqlite3._interrupt(self._handle, self._hooks)

    def set_trace_callback(self, trace_callback):
        raise NotImplementedError("gilvm's sqlite3 has no set_trace_callback()")

    def set_progress_handler(self, progress_handler, n):
        raise NotImplementedError("gilvm's sqlite3 has no set_progress_handler()")

    def set_authorizer(self, authorizer_callback):
        raise NotImplementedError("gilvm's sqlite3 has no set_authorizer()")

    def blobopen(self, *args, **kwargs):
        raise NotImplementedError("gilvm's sqlite3 has no blobopen()")

    def backup(self, *args, **kwargs):
        raise NotImplementedError("gilvm's sqlite3 has no backup()")

    def enable_load_extension(self, enabled, /):
        raise NotImplementedError("gilvm's sqlite3 cannot load extensions")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False

    def __del__(self):
        if getattr(self, "_handle", None) is not None:
            _sqlite3._close(self._handle, self._hooks)
            self._handle = None


Connection.__module__ = "sqlite3"


def connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
            factory=Connection, cached_statements=128, uri=False):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread,
                   factory, cached_statements, uri)


def complete_statement(statement):
    """Whether `statement` ends in a semicolon outside quotes and comments (SQLite's rule,
    without its trigger handling)."""
    quote = None
    i, n, complete = 0, len(statement), False
    while i < n:
        c = statement[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"`[":
            quote = "]" if c == "[" else c
            complete = False
        elif statement.startswith("--", i):
            j = statement.find("\n", i)
            i = n if j < 0 else j
        elif statement.startswith("/*", i):
            j = statement.find("*/", i + 2)
            if j < 0:
                return False
            i = j + 1
        elif c == ";":
            complete = True
        elif not c.isspace():
            complete = False
        i += 1
    return complete


def enable_callback_tracebacks(flag, /):
    pass


Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def DateFromTicks(ticks):
    return Date(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*time.localtime(ticks)[:6])


Binary = memoryview


def register_adapters_and_converters():
    def adapt_date(val):
        return val.isoformat()

    def adapt_datetime(val):
        return val.isoformat(" ")

    def convert_date(val):
        return datetime.date(*map(int, val.split(b"-")))

    def convert_timestamp(val):
        datepart, timepart = val.split(b" ")
        year, month, day = map(int, datepart.split(b"-"))
        timepart_full = timepart.split(b".")
        hours, minutes, seconds = map(int, timepart_full[0].split(b":"))
        if len(timepart_full) == 2:
            microseconds = int('{:0<6.6}'.format(timepart_full[1].decode()))
        else:
            microseconds = 0
        return datetime.datetime(year, month, day, hours, minutes, seconds, microseconds)

    register_adapter(datetime.date, adapt_date)
    register_adapter(datetime.datetime, adapt_datetime)
    register_converter("date", convert_date)
    register_converter("timestamp", convert_timestamp)


register_adapters_and_converters()
del register_adapters_and_converters
