//! The native part of `traceback`: an exception's recorded entries, the stack of the calling
//! thread, and the last line(s) of a report, all from `interp::traceback`, so the module
//! prints what an uncaught exception prints (source lines and `^^^`/`~~^~~` carets included).
//!
//! An entry is `(filename, lineno, name, line, carets)`: `line` is the stripped source line or
//! `None`, `carets` the caret line or `None` where a traceback prints none.

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::interp::traceback::{self, Entry};
use crate::object::args::positional;
use crate::object::error::{exc_data, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{Args, NativeFunction};

pub const FUNCTIONS: &[(&str, crate::objects::function::NativeFn)] = &[
    ("_exception_entries", exception_entries),
    ("_exception_only", exception_only),
    ("_code_entry", code_entry),
];

/// Adds `_stack_entries()`, which reads the calling frame (see `NativeFunction::reads_frame`).
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    let f = NativeFunction {
        name: "_stack_entries",
        f: suspended_stack_entries,
        this: Value::Null,
        is_method: false,
        reads_frame: Some(stack_entries),
        caller_scope: false,
        of_builtin_type: None,
    };
    store_dict(
        dict,
        &Value::new_str("_stack_entries"),
        Value::Obj(ObjRef::new(Obj::Native(f))),
    );
    Ok(())
}

/// An entry as a tuple; stack entries have no carets (CPython 3.11 keeps no columns for them).
fn entry_value(ts: &ThreadState, entry: &Entry, with_carets: bool) -> Value {
    let (text, carets) = match traceback::entry_source(ts, entry) {
        Some((text, carets)) => (
            Value::new_str(text),
            carets
                .filter(|_| with_carets)
                .map_or(Value::None, Value::new_str),
        ),
        None => (Value::None, Value::None),
    };
    let (file, line, name, _) = entry;
    Value::new_tuple(vec![
        Value::new_str(file.as_str()),
        Value::Int(i64::from(*line)),
        Value::new_str(name.as_str()),
        text,
        carets,
    ])
}

fn exception_arg(ts: &ThreadState, name: &str, args: &Args) -> PyResult<ObjRef> {
    let a = positional(ts, name, args, 1, 1)?;
    match &a[0] {
        Value::Obj(o) if exc_data(o).is_some() => Ok(o.clone()),
        _ => Err(ts.type_error(format!("{name}() argument must be an exception"))),
    }
}

/// `_exception_entries(exc)`: the entries of the exception's traceback, outermost first.
fn exception_entries(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let exc = exception_arg(ts, "_exception_entries", args)?;
    let entries = traceback::exception_entries(&exc);
    Ok(Value::new_list(
        entries.iter().map(|e| entry_value(ts, e, true)).collect(),
    ))
}

/// `_code_entry(code, lasti)`: the entry of a traceback object's frame (`tb_lasti` is two per
/// instruction), carets included.
fn code_entry(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_code_entry", args, 2, 2)?;
    match (a[0].obj().map(|o| &**o), &a[1]) {
        (Some(Obj::Code(code)), Value::Int(lasti)) => {
            let entry = traceback::entry(code, (*lasti).max(0) as usize / 2);
            Ok(entry_value(ts, &entry, true))
        }
        _ => Err(ts.type_error("_code_entry() takes a code object and an int")),
    }
}

/// `_exception_only(exc)`: `Type: message\n`, or a `SyntaxError`'s located report.
fn exception_only(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let exc = exception_arg(ts, "_exception_only", args)?;
    Ok(Value::new_str(traceback::exception_only(ts, &exc)))
}

/// The entries of the suspended frames, outermost first. Frames of outer eval loops that are
/// inside a native call (a `sorted` key, a class's `__init__`) are not on the frame stack.
fn suspended(ts: &ThreadState) -> Vec<Value> {
    ts.frames
        .iter()
        .map(|f| entry_value(ts, &traceback::entry(&f.code, f.current_ip()), false))
        .collect()
}

/// `_stack_entries()` called directly from frame `f`: the stack down to `f`'s current line.
fn stack_entries(ts: &ThreadState, f: &Frame) -> Value {
    let mut entries = suspended(ts);
    let current = traceback::entry(&f.code, f.current_ip());
    entries.push(entry_value(ts, &current, false));
    Value::new_list(entries)
}

/// `_stack_entries` reached another way: the suspended frames only.
fn suspended_stack_entries(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_stack_entries", args, 0, 0)?;
    Ok(Value::new_list(suspended(ts)))
}
