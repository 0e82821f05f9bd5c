//! The thread that owns a connection's `rusqlite::Connection`. Every SQLite call runs there,
//! so the Python thread waits for it with the GIL released; a user-defined function,
//! aggregate or collation that SQLite calls meanwhile comes back to the waiting Python
//! thread as a [`Reply::Call`], runs there under the GIL, and its answer goes back as a
//! [`Request::Answer`]. No Python object ever crosses: only [`Cell`]s and SQL values.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OpenFlags, Statement};

/// A value read from SQLite; text stays bytes, as SQLite does not promise UTF-8.
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

impl Cell {
    fn of(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(t.to_vec()),
            ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
        }
    }
}

/// An SQLite failure: the extended result code (or [`MULTIPLE_STATEMENTS`]) and message.
pub struct DbError {
    pub code: i32,
    pub message: String,
}

/// The code of rusqlite's refusal of a second statement (CPython's `ProgrammingError`).
pub const MULTIPLE_STATEMENTS: i32 = -1;

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        use rusqlite::Error as E;
        let (code, message) = match e {
            E::SqliteFailure(f, msg) => (f.extended_code, msg.unwrap_or_else(|| f.to_string())),
            E::SqlInputError { error, msg, .. } => (error.extended_code, msg),
            E::MultipleStatement => (
                MULTIPLE_STATEMENTS,
                "You can only execute one statement at a time.".into(),
            ),
            other => (1, other.to_string()),
        };
        DbError { code, message }
    }
}

/// What a user callback is, for [`Reply::Call`].
#[derive(Clone, Copy)]
pub enum CallKind {
    Function,
    AggregateInit,
    AggregateStep,
    AggregateFinal,
    Collation,
}

pub enum Request {
    Prepare(String),
    /// Binds the values (parameters 1..=n) to the prepared statement and runs it.
    Run(Vec<SqlValue>),
    /// Drops the prepared statement.
    Finish,
    Script(String),
    Function {
        name: String,
        nargs: i32,
        id: i64,
        deterministic: bool,
    },
    Aggregate {
        name: String,
        nargs: i32,
        id: i64,
    },
    Collation {
        name: String,
        id: Option<i64>,
    },
    Status,
    /// A user callback's result: `Err` when it raised (the message SQLite reports).
    Answer(Result<SqlValue, String>),
}

pub struct StatementInfo {
    pub params: Vec<Option<String>>,
    pub columns: Vec<(String, Option<String>)>,
}

pub enum Reply {
    /// The database opened; the handle interrupts its statements from any thread.
    Opened(rusqlite::InterruptHandle),
    Prepared(StatementInfo),
    /// A run's rows, `changes()` and `last_insert_rowid()` after it.
    Ran {
        rows: Vec<Vec<Cell>>,
        changes: u64,
        last_rowid: i64,
    },
    Done,
    Status {
        total_changes: u64,
        autocommit: bool,
        last_rowid: i64,
    },
    Failed(DbError),
    Call {
        kind: CallKind,
        id: i64,
        args: Vec<Cell>,
    },
}

/// The Python thread's end of the link.
pub struct Link {
    pub requests: Sender<Request>,
    pub replies: Mutex<Receiver<Reply>>,
}

/// The worker's end: callbacks share it with the serving loop (which is not reading while
/// SQLite runs a callback).
#[derive(Clone)]
struct WorkerLink {
    requests: Arc<Mutex<Receiver<Request>>>,
    replies: Sender<Reply>,
}

impl WorkerLink {
    fn recv(&self) -> Option<Request> {
        self.requests.lock().ok()?.recv().ok()
    }

    fn send(&self, reply: Reply) {
        // The Python side gone means the connection was dropped: nothing to tell.
        let _ = self.replies.send(reply);
    }

    /// Asks the Python thread to run a callback and waits for its answer.
    fn call(&self, kind: CallKind, id: i64, args: Vec<Cell>) -> rusqlite::Result<SqlValue> {
        self.send(Reply::Call { kind, id, args });
        match self.recv() {
            Some(Request::Answer(Ok(v))) => Ok(v),
            Some(Request::Answer(Err(msg))) => Err(rusqlite::Error::UserFunctionError(msg.into())),
            _ => Err(rusqlite::Error::UserFunctionError(
                "connection closed during a callback".into(),
            )),
        }
    }
}

/// Opens `path` on a new worker thread; the first reply says whether it opened. `confined`
/// (under a sandbox): no `ATTACH` (nor `VACUUM`, which attaches), so the only file SQLite
/// opens is the one the sandbox checked.
pub fn spawn(path: String, uri: bool, timeout: f64, confined: bool) -> std::io::Result<Link> {
    let (req_tx, req_rx) = channel();
    let (rep_tx, rep_rx) = channel();
    let link = WorkerLink {
        requests: Arc::new(Mutex::new(req_rx)),
        replies: rep_tx,
    };
    std::thread::Builder::new()
        .name("sqlite3".into())
        .spawn(move || match open(&path, uri, timeout, confined) {
            Ok(conn) => {
                link.send(Reply::Opened(conn.get_interrupt_handle()));
                serve(&conn, &link);
            }
            Err(e) => link.send(Reply::Failed(open_error(e))),
        })?;
    Ok(Link {
        requests: req_tx,
        replies: Mutex::new(rep_rx),
    })
}

/// rusqlite names the path in an open failure; CPython's message is SQLite's alone.
fn open_error(e: rusqlite::Error) -> DbError {
    let mut error = DbError::from(e);
    if let Some((message, _path)) = error.message.split_once(": ") {
        error.message = message.to_owned();
    }
    error
}

fn open(path: &str, uri: bool, timeout: f64, confined: bool) -> rusqlite::Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if uri {
        flags |= OpenFlags::SQLITE_OPEN_URI;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    let timeout = if timeout.is_finite() && timeout > 0.0 {
        timeout
    } else {
        0.0
    };
    conn.busy_timeout(Duration::from_secs_f64(timeout.min(1e9)))?;
    if confined {
        conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    }
    Ok(conn)
}

/// Answers requests until the Python side drops its end.
fn serve(conn: &Connection, link: &WorkerLink) {
    while let Some(request) = link.recv() {
        let reply = match request {
            Request::Prepare(sql) => {
                prepare_and_run(conn, &sql, link);
                continue;
            }
            Request::Script(sql) => done(conn.execute_batch(&sql)),
            Request::Function {
                name,
                nargs,
                id,
                deterministic,
            } => {
                let mut flags = FunctionFlags::SQLITE_UTF8;
                if deterministic {
                    flags |= FunctionFlags::SQLITE_DETERMINISTIC;
                }
                let link = link.clone();
                done(
                    conn.create_scalar_function(name.as_str(), nargs, flags, move |ctx| {
                        link.call(CallKind::Function, id, args_of(ctx))
                    }),
                )
            }
            Request::Aggregate { name, nargs, id } => done(conn.create_aggregate_function(
                name.as_str(),
                nargs,
                FunctionFlags::SQLITE_UTF8,
                PyAggregate {
                    id,
                    link: link.clone(),
                },
            )),
            Request::Collation { name, id: Some(id) } => {
                let link = link.clone();
                done(conn.create_collation(name.as_str(), move |a, b| collate(&link, id, a, b)))
            }
            Request::Collation { name, id: None } => done(conn.remove_collation(name.as_str())),
            Request::Status => Reply::Status {
                total_changes: conn.total_changes(),
                autocommit: conn.is_autocommit(),
                last_rowid: conn.last_insert_rowid(),
            },
            // Out of turn (no statement prepared, no callback running): ignored.
            Request::Run(_) | Request::Finish | Request::Answer(_) => continue,
        };
        link.send(reply);
    }
}

fn done(result: rusqlite::Result<()>) -> Reply {
    match result {
        Ok(()) => Reply::Done,
        Err(e) => Reply::Failed(e.into()),
    }
}

fn args_of(ctx: &Context<'_>) -> Vec<Cell> {
    (0..ctx.len()).map(|i| Cell::of(ctx.get_raw(i))).collect()
}

fn collate(link: &WorkerLink, id: i64, a: &str, b: &str) -> std::cmp::Ordering {
    let args = vec![Cell::Text(a.into()), Cell::Text(b.into())];
    match link.call(CallKind::Collation, id, args) {
        Ok(SqlValue::Integer(n)) => n.cmp(&0),
        _ => std::cmp::Ordering::Equal,
    }
}

/// A Python aggregate class: each group's instance lives on the Python side under the key
/// its `AggregateInit` call returned.
struct PyAggregate {
    id: i64,
    link: WorkerLink,
}

impl Aggregate<i64, SqlValue> for PyAggregate {
    fn init(&self, _ctx: &mut Context<'_>) -> rusqlite::Result<i64> {
        match self.link.call(CallKind::AggregateInit, self.id, vec![])? {
            SqlValue::Integer(key) => Ok(key),
            _ => Err(rusqlite::Error::UserFunctionError(
                "bad aggregate key".into(),
            )),
        }
    }

    fn step(&self, ctx: &mut Context<'_>, key: &mut i64) -> rusqlite::Result<()> {
        let mut args = vec![Cell::Int(*key)];
        args.extend(args_of(ctx));
        self.link
            .call(CallKind::AggregateStep, self.id, args)
            .map(drop)
    }

    fn finalize(&self, _ctx: &mut Context<'_>, key: Option<i64>) -> rusqlite::Result<SqlValue> {
        // No row in the group: SQLite never called step, and the result is NULL (CPython
        // makes no instance either).
        match key {
            Some(key) => self
                .link
                .call(CallKind::AggregateFinal, self.id, vec![Cell::Int(key)]),
            None => Ok(SqlValue::Null),
        }
    }
}

/// Serves one prepared statement: `Run`s until `Finish` (or the link ends).
fn prepare_and_run(conn: &Connection, sql: &str, link: &WorkerLink) {
    let mut stmt = match conn.prepare(sql) {
        Ok(stmt) => Some(stmt),
        Err(rusqlite::Error::Empty) => None,
        Err(e) => return link.send(Reply::Failed(e.into())),
    };
    link.send(Reply::Prepared(stmt.as_ref().map(info).unwrap_or(
        StatementInfo {
            params: vec![],
            columns: vec![],
        },
    )));
    while let Some(Request::Run(values)) = link.recv() {
        let rows = match stmt.as_mut() {
            Some(stmt) => run(stmt, values),
            None => Ok(vec![]),
        };
        let reply = match rows {
            Ok(rows) => Reply::Ran {
                rows,
                changes: if stmt.is_some() { conn.changes() } else { 0 },
                last_rowid: conn.last_insert_rowid(),
            },
            Err(e) => Reply::Failed(e.into()),
        };
        link.send(reply);
    }
}

fn info(stmt: &Statement<'_>) -> StatementInfo {
    StatementInfo {
        params: (1..=stmt.parameter_count())
            .map(|i| stmt.parameter_name(i).map(str::to_owned))
            .collect(),
        columns: stmt
            .columns()
            .map(|c| (c.name().to_owned(), c.decl_type().map(str::to_owned)))
            .collect(),
    }
}

fn run(stmt: &mut Statement<'_>, values: Vec<SqlValue>) -> rusqlite::Result<Vec<Vec<Cell>>> {
    stmt.clear_bindings();
    for (i, v) in values.into_iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, v)?;
    }
    let width = stmt.column_count();
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(
            (0..width)
                .map(|i| Cell::of(row.get_ref_unwrap(i)))
                .collect(),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(link: &Link) -> Reply {
        link.replies.lock().unwrap().recv().unwrap()
    }

    fn int_rows(reply: Reply) -> Vec<Vec<i64>> {
        let Reply::Ran { rows, .. } = reply else {
            panic!("expected rows");
        };
        let int = |c: &Cell| match c {
            Cell::Int(i) => *i,
            _ => panic!("expected an int"),
        };
        rows.iter().map(|r| r.iter().map(int).collect()).collect()
    }

    #[test]
    fn a_statement_runs_with_its_bindings_and_a_callback_is_answered_by_the_caller() {
        let link = spawn(":memory:".into(), false, 1.0, false).unwrap();
        assert!(matches!(reply(&link), Reply::Opened(_)));
        link.requests
            .send(Request::Prepare("SELECT ?1 + 1".into()))
            .unwrap();
        assert!(matches!(reply(&link), Reply::Prepared(i) if i.params == [Some("?1".into())]));
        link.requests
            .send(Request::Run(vec![SqlValue::Integer(41)]))
            .unwrap();
        assert_eq!(int_rows(reply(&link)), [[42]]);
        link.requests.send(Request::Finish).unwrap();

        let f = Request::Function {
            name: "f".into(),
            nargs: 1,
            id: 7,
            deterministic: false,
        };
        link.requests.send(f).unwrap();
        assert!(matches!(reply(&link), Reply::Done));
        link.requests
            .send(Request::Prepare("SELECT f(2)".into()))
            .unwrap();
        assert!(matches!(reply(&link), Reply::Prepared(_)));
        link.requests.send(Request::Run(vec![])).unwrap();
        let Reply::Call {
            kind: CallKind::Function,
            id: 7,
            args,
        } = reply(&link)
        else {
            panic!("expected the callback");
        };
        assert!(matches!(args.as_slice(), [Cell::Int(2)]));
        link.requests
            .send(Request::Answer(Ok(SqlValue::Integer(5))))
            .unwrap();
        assert_eq!(int_rows(reply(&link)), [[5]]);
        // A callback that raised: SQLite reports the message it was given.
        link.requests.send(Request::Run(vec![])).unwrap();
        assert!(matches!(reply(&link), Reply::Call { .. }));
        link.requests
            .send(Request::Answer(Err("it raised".into())))
            .unwrap();
        assert!(matches!(reply(&link), Reply::Failed(e) if e.message == "it raised"));
    }

    #[test]
    fn two_statements_and_sql_errors_keep_sqlite_codes() {
        let link = spawn(":memory:".into(), false, 1.0, false).unwrap();
        assert!(matches!(reply(&link), Reply::Opened(_)));
        link.requests
            .send(Request::Prepare("SELECT 1; SELECT 2".into()))
            .unwrap();
        assert!(matches!(reply(&link), Reply::Failed(e) if e.code == MULTIPLE_STATEMENTS));
        link.requests
            .send(Request::Prepare("SELECT * FROM nope".into()))
            .unwrap();
        assert!(
            matches!(reply(&link), Reply::Failed(e) if e.code == 1 && e.message == "no such table: nope")
        );
    }
}
