//! The native core of `sqlite3` (`_sqlite3`; `dbapi2.py` is the DB-API face), over rusqlite
//! with SQLite bundled. A connection is a [`ConnHandle`]: the link to the worker thread that
//! owns the database ([`worker`]). Each call sends one request and waits for its reply with
//! the GIL released, running any user callback SQLite asks for on the way.
//!
//! Every function takes `hooks`, a Python callable: `hooks("error", code, message)` returns
//! the exception to raise for an SQLite failure, and `hooks(kind, id, *args)` runs a user
//! function, aggregate method or collation.

mod worker;

use std::cell::Cell as Flag;

use rusqlite::types::Value as SqlValue;
use worker::{CallKind, Cell, DbError, Link, Reply, Request, StatementInfo};

use crate::interp::sandbox::{check_path, Access};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::call::call_value;
use crate::protocol::ops::truthy;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_open", open),
    ("_prepare", prepare),
    ("_run", run),
    ("_finish", finish),
    ("_script", script),
    ("_function", function),
    ("_aggregate", aggregate),
    ("_interrupt", interrupt),
    ("_collation", collation),
    ("_status", status),
    ("_close", close),
];

/// `sqlite_version`, the bundled library's.
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    crate::objects::dict::store_dict(
        dict,
        &Value::new_str("sqlite_version"),
        Value::new_str(rusqlite::version()),
    );
    Ok(())
}

struct ConnHandle {
    /// `None` once closed.
    link: std::cell::RefCell<Option<Link>>,
    /// Set once the database opened.
    interrupt: std::cell::OnceCell<rusqlite::InterruptHandle>,
    /// Set while a request is in flight: a callback (or another thread) using the same
    /// connection meanwhile would interleave with it.
    busy: Flag<bool>,
}

impl NativeHandle for ConnHandle {
    fn repr(&self) -> String {
        "<sqlite3 connection>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn handle_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a ConnHandle> {
    v.obj()
        .and_then(|o| o.handle::<ConnHandle>())
        .ok_or_else(|| ts.type_error("expected a sqlite3 connection handle"))
}

/// `_open(path, uri, timeout, hooks)`.
fn open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_open", args, 4, 4)?;
    let path = str_arg(ts, &a[0], "database")?.to_owned();
    let uri = truthy(ts, &a[1])?;
    let timeout = match a[2] {
        Value::Float(f) => f,
        Value::Int(i) => i as f64,
        _ => 5.0,
    };
    let confined = confine(ts, &path, uri)?;
    let link = worker::spawn(path, uri, timeout, confined)
        .map_err(|e| ts.new_exc(ExcKind::RuntimeError, format!("can't start thread: {e}")))?;
    let handle = ConnHandle {
        link: std::cell::RefCell::new(Some(link)),
        interrupt: std::cell::OnceCell::new(),
        busy: Flag::new(false),
    };
    match wait(ts, &handle, &a[3])? {
        Reply::Opened(interrupt) => {
            let _ = handle.interrupt.set(interrupt);
            Ok(Value::Obj(ObjRef::new(Obj::Handle(Box::new(handle)))))
        }
        other => Err(unexpected(ts, other, &a[3])),
    }
}

/// Under a sandbox a database file must be one the script may write, named plainly (a URI
/// could name any file); `Ok(true)` then (the worker refuses `ATTACH`).
fn confine(ts: &ThreadState, path: &str, uri: bool) -> PyResult<bool> {
    if ts.guard.sandbox.is_none() {
        return Ok(false);
    }
    if uri {
        return Err(ts.new_exc(
            ExcKind::PermissionError,
            "[sandbox] opening a database by URI is not allowed",
        ));
    }
    if !matches!(path, "" | ":memory:") {
        check_path(ts, Access::Write, path)?;
    }
    Ok(true)
}

/// Sends `request` and waits for the reply that ends it (see [`wait`]).
fn ask(
    ts: &mut ThreadState,
    handle: &ConnHandle,
    request: Request,
    hooks: &Value,
) -> PyResult<Reply> {
    if handle.busy.get() {
        return Err(recursive_use(ts, hooks));
    }
    let sent = match &*handle.link.borrow() {
        Some(link) => link.requests.send(request).is_ok(),
        None => false,
    };
    if !sent {
        return Err(closed(ts, hooks));
    }
    handle.busy.set(true);
    let reply = wait(ts, handle, hooks);
    handle.busy.set(false);
    reply
}

/// Waits (GIL released) for the worker's next reply, running the callbacks it asks for.
fn wait(ts: &mut ThreadState, handle: &ConnHandle, hooks: &Value) -> PyResult<Reply> {
    loop {
        let reply = {
            let guard = handle.link.borrow();
            let Some(link) = guard.as_ref() else {
                return Err(closed(ts, hooks));
            };
            let replies = &link.replies;
            ts.allow_threads(|| replies.lock().ok().and_then(|rx| rx.recv().ok()))
        };
        match reply {
            Some(Reply::Call { kind, id, args }) => {
                let answer = callback(ts, hooks, kind, id, args);
                if let Some(link) = &*handle.link.borrow() {
                    let _ = link.requests.send(Request::Answer(answer));
                }
            }
            Some(reply) => return Ok(reply),
            None => return Err(ts.new_exc(ExcKind::RuntimeError, "sqlite3 worker thread ended")),
        }
    }
}

/// Runs one user callback; an exception becomes the message SQLite reports (CPython's).
fn callback(
    ts: &mut ThreadState,
    hooks: &Value,
    kind: CallKind,
    id: i64,
    args: Vec<Cell>,
) -> Result<SqlValue, String> {
    let (name, failure) = match kind {
        CallKind::Function => ("function", "user-defined function raised exception"),
        CallKind::AggregateInit => (
            "init",
            "user-defined aggregate's '__init__' method raised error",
        ),
        CallKind::AggregateStep => (
            "step",
            "user-defined aggregate's 'step' method raised error",
        ),
        CallKind::AggregateFinal => (
            "finalize",
            "user-defined aggregate's 'finalize' method raised error",
        ),
        CallKind::Collation => ("collation", "user-defined collation raised exception"),
    };
    let mut call_args = vec![Value::new_str(name), Value::Int(id)];
    call_args.extend(args.into_iter().map(cell_value));
    call_value(ts, hooks, &call_args, &[])
        .ok()
        .and_then(|v| sql_value(ts, &v).ok())
        .ok_or_else(|| failure.to_owned())
}

/// The exception `hooks` makes for an error `code` (an SQLite result code, or a negative
/// one of ours: -1 ProgrammingError for two statements, -2 ProgrammingError).
fn hook_error(ts: &mut ThreadState, hooks: &Value, code: i32, message: &str) -> ObjRef {
    let args = [
        Value::new_str("error"),
        Value::Int(code.into()),
        Value::new_str(message),
    ];
    match call_value(ts, hooks, &args, &[]) {
        Ok(Value::Obj(exc)) => exc,
        Ok(_) => ts.type_error("sqlite3 hooks returned no exception"),
        Err(e) => e,
    }
}

/// A connection used while one of its requests is in flight (from a callback, or another
/// thread).
fn recursive_use(ts: &mut ThreadState, hooks: &Value) -> ObjRef {
    hook_error(ts, hooks, -2, "Recursive use of cursors not allowed.")
}

fn closed(ts: &mut ThreadState, hooks: &Value) -> ObjRef {
    hook_error(ts, hooks, -2, "Cannot operate on a closed database.")
}

fn db_error(ts: &mut ThreadState, hooks: &Value, e: DbError) -> ObjRef {
    hook_error(ts, hooks, e.code, &e.message)
}

fn unexpected(ts: &mut ThreadState, reply: Reply, hooks: &Value) -> ObjRef {
    match reply {
        Reply::Failed(e) => db_error(ts, hooks, e),
        _ => ts.new_exc(
            ExcKind::SystemError,
            "sqlite3: unexpected reply from the worker",
        ),
    }
}

/// A value SQLite passed to a callback (or read), text decoded leniently.
fn cell_value(cell: Cell) -> Value {
    match cell {
        Cell::Null => Value::None,
        Cell::Int(i) => Value::Int(i),
        Cell::Real(f) => Value::Float(f),
        Cell::Text(t) => Value::new_str(String::from_utf8_lossy(&t).into_owned()),
        Cell::Blob(b) => new_bytes(b),
    }
}

/// A Python value as SQLite stores it (int, float, str, bytes-like, None; adapters have run).
fn sql_value(ts: &ThreadState, v: &Value) -> PyResult<SqlValue> {
    Ok(match v {
        Value::None => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Int(i) => SqlValue::Integer(*i),
        Value::Float(f) => SqlValue::Real(*f),
        Value::Obj(o) => match &**o {
            Obj::BigInt(_) => {
                return Err(ts.new_exc(
                    ExcKind::OverflowError,
                    "Python int too large to convert to SQLite INTEGER",
                ))
            }
            Obj::Str(s) => SqlValue::Text(s.as_str().to_owned()),
            _ => match bytes_data(v) {
                Some(b) => SqlValue::Blob(b),
                None => {
                    return Err(ts.type_error(format!(
                        "type '{}' is not supported",
                        crate::object::class_of::type_name(ts, v)
                    )))
                }
            },
        },
        Value::Null => SqlValue::Null,
    })
}

/// `_prepare(handle, sql, hooks)` → `(param_names, columns)`; names are `None` for `?`.
fn prepare(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_prepare", args, 3, 3)?;
    let sql = str_arg(ts, &a[1], "sql")?.to_owned();
    let handle = handle_of(ts, &a[0])?;
    match ask(ts, handle, Request::Prepare(sql), &a[2])? {
        Reply::Prepared(StatementInfo { params, columns }) => {
            let name = |n: Option<String>| n.map_or(Value::None, Value::new_str);
            let params = params.into_iter().map(name).collect();
            let columns = columns
                .into_iter()
                .map(|(n, t)| Value::new_tuple(vec![Value::new_str(n), name(t)]))
                .collect();
            Ok(Value::new_tuple(vec![
                Value::new_list(params),
                Value::new_list(columns),
            ]))
        }
        other => Err(unexpected(ts, other, &a[2])),
    }
}

/// `_run(handle, values, text_factory, hooks)` → `(rows, changes, last_insert_rowid)` for the prepared
/// statement. Text is decoded to `str` when `text_factory` is `None`, else passed to it as
/// `bytes`.
fn run(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_run", args, 4, 4)?;
    let values = match a[1].obj().map(|o| &**o) {
        Some(Obj::List(items)) => items.borrow().clone(),
        _ => return Err(ts.type_error("_run: values must be a list")),
    };
    let values = values
        .iter()
        .map(|v| sql_value(ts, v))
        .collect::<PyResult<Vec<_>>>()?;
    let handle = handle_of(ts, &a[0])?;
    let (rows, changes, last_rowid) = match ask(ts, handle, Request::Run(values), &a[3])? {
        Reply::Ran {
            rows,
            changes,
            last_rowid,
        } => (rows, changes, last_rowid),
        other => return Err(unexpected(ts, other, &a[3])),
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut items = Vec::with_capacity(row.len());
        for cell in row {
            items.push(row_value(ts, cell, &a[2], &a[3])?);
        }
        out.push(Value::new_tuple(items));
    }
    Ok(Value::new_tuple(vec![
        Value::new_list(out),
        Value::Int(changes as i64),
        Value::Int(last_rowid),
    ]))
}

/// One column's value of a result row, text through the connection's `text_factory`.
fn row_value(ts: &mut ThreadState, cell: Cell, text_factory: &Value, hooks: &Value) -> PyResult {
    match cell {
        Cell::Text(t) if !matches!(text_factory, Value::None) => {
            call_value(ts, text_factory, &[new_bytes(t)], &[])
        }
        Cell::Text(t) => match String::from_utf8(t) {
            Ok(s) => Ok(Value::new_str(s)),
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let msg = format!("Could not decode to UTF-8 column with text '{text}'");
                Err(hook_error(ts, hooks, 1, &msg))
            }
        },
        cell => Ok(cell_value(cell)),
    }
}

/// `_finish(handle)`: drops the prepared statement (no reply).
fn finish(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_finish", args, 1, 1)?;
    if let Some(link) = &*handle_of(ts, &a[0])?.link.borrow() {
        let _ = link.requests.send(Request::Finish);
    }
    Ok(Value::None)
}

/// Sends a request whose reply is `Done` or a failure.
fn ask_done(ts: &mut ThreadState, handle: &Value, request: Request, hooks: &Value) -> PyResult {
    let handle = handle_of(ts, handle)?;
    match ask(ts, handle, request, hooks)? {
        Reply::Done => Ok(Value::None),
        other => Err(unexpected(ts, other, hooks)),
    }
}

/// `_script(handle, sql, hooks)`.
fn script(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_script", args, 3, 3)?;
    let sql = str_arg(ts, &a[1], "sql_script")?.to_owned();
    ask_done(ts, &a[0], Request::Script(sql), &a[2])
}

fn nargs_of(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    i32::try_from(int_arg(ts, v)?)
        .map_err(|_| ts.new_exc(ExcKind::OverflowError, "narg is too large"))
}

/// `_function(handle, name, nargs, id, deterministic, hooks)`.
fn function(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_function", args, 6, 6)?;
    let request = Request::Function {
        name: str_arg(ts, &a[1], "name")?.to_owned(),
        nargs: nargs_of(ts, &a[2])?,
        id: int_arg(ts, &a[3])?,
        deterministic: truthy(ts, &a[4])?,
    };
    ask_done(ts, &a[0], request, &a[5])
}

/// `_aggregate(handle, name, nargs, id, hooks)`.
fn aggregate(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_aggregate", args, 5, 5)?;
    let request = Request::Aggregate {
        name: str_arg(ts, &a[1], "name")?.to_owned(),
        nargs: nargs_of(ts, &a[2])?,
        id: int_arg(ts, &a[3])?,
    };
    ask_done(ts, &a[0], request, &a[4])
}

/// `_interrupt(handle, hooks)`: stops the statement running now (from any thread), which
/// then fails with `interrupted`.
fn interrupt(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_interrupt", args, 2, 2)?;
    let handle = handle_of(ts, &a[0])?;
    // Borrowed: a request is in flight, so the connection is open.
    if handle.link.try_borrow().is_ok_and(|link| link.is_none()) {
        return Err(closed(ts, &a[1]));
    }
    if let Some(interrupt) = handle.interrupt.get() {
        interrupt.interrupt();
    }
    Ok(Value::None)
}

/// `_collation(handle, name, id or None, hooks)`.
fn collation(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_collation", args, 4, 4)?;
    let id = match a[2] {
        Value::None => None,
        ref v => Some(int_arg(ts, v)?),
    };
    let name = str_arg(ts, &a[1], "name")?.to_owned();
    ask_done(ts, &a[0], Request::Collation { name, id }, &a[3])
}

/// `_status(handle, hooks)` → `(total_changes, autocommit, last_insert_rowid)`.
fn status(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_status", args, 2, 2)?;
    let handle = handle_of(ts, &a[0])?;
    match ask(ts, handle, Request::Status, &a[1])? {
        Reply::Status {
            total_changes,
            autocommit,
            last_rowid,
        } => Ok(Value::new_tuple(vec![
            Value::Int(total_changes as i64),
            Value::Bool(autocommit),
            Value::Int(last_rowid),
        ])),
        other => Err(unexpected(ts, other, &a[1])),
    }
}

/// `_close(handle, hooks)`: ends the link; the worker closes the database and exits.
fn close(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_close", args, 2, 2)?;
    let handle = handle_of(ts, &a[0])?;
    // Borrowed while a request is in flight (from a callback, or another thread).
    let Ok(mut link) = handle.link.try_borrow_mut() else {
        return Err(recursive_use(ts, &a[1]));
    };
    link.take();
    Ok(Value::None)
}
