//! Frame and traceback objects as Python sees them: `exc.__traceback__`,
//! `sys.exc_info()[2]`, `with_traceback`. They are instances of `_frames.traceback` and
//! `_frames.frame` (stdlib/_frames.py), built on first read from the entries `record_raise`
//! keeps, and cached on the exception until it passes another frame.

use crate::interp::import::import_module;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{exc_data, PyResult};
use crate::object::typeobj::TbEntry;
use crate::object::value::{Obj, ObjRef, Value};
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;

/// A function or class of the `_frames` module.
fn frames_attr(ts: &mut ThreadState, name: &str) -> PyResult {
    let module = import_module(ts, "_frames")?;
    get_attr(ts, &module, &Value::new_str(name))
}

/// CPython's `tb_lasti`/`f_lasti`: a byte offset, two per instruction.
fn lasti(ip: usize) -> Value {
    Value::Int(2 * ip as i64)
}

/// `(code, globals, lasti, lineno)`, the arguments `_frames._traceback` takes per entry.
fn entry_tuple((code, ip, globals): &TbEntry) -> Value {
    Value::new_tuple(vec![
        Value::Obj(ObjRef::new(Obj::Code(code.clone()))),
        Value::Obj(globals.clone()),
        lasti(*ip),
        Value::Int(i64::from(code.line_of(*ip))),
    ])
}

/// `exc.__traceback__`: `None` for an exception never raised.
pub fn get_traceback(ts: &mut ThreadState, exc: &ObjRef) -> PyResult {
    let Some(data) = exc_data(exc) else {
        return Ok(Value::None);
    };
    let entries = {
        let d = data.borrow();
        if !d.traceback_object.is_null() {
            return Ok(d.traceback_object.clone());
        }
        d.traceback
            .iter()
            .rev()
            .map(entry_tuple)
            .collect::<Vec<_>>()
    };
    let tb = if entries.is_empty() {
        Value::None
    } else {
        let build = frames_attr(ts, "_traceback")?;
        call_value(ts, &build, &[Value::new_list(entries)], &[])?
    };
    data.borrow_mut().traceback_object = tb.clone();
    Ok(tb)
}

/// `exc.__traceback__ = tb` (and `with_traceback(tb)`): the entries become `tb`'s frames, so
/// an uncaught exception prints what the object says.
pub fn set_traceback(ts: &mut ThreadState, exc: &ObjRef, tb: Value) -> PyResult<()> {
    let entries = traceback_entries(ts, &tb)?;
    if let Some(data) = exc_data(exc) {
        let mut d = data.borrow_mut();
        d.traceback = entries;
        d.traceback_object = tb;
    }
    Ok(())
}

/// The entries of traceback object `tb` (or none for `None`), innermost first as an
/// exception records them; `TypeError` if the chain holds something else.
pub fn traceback_entries(ts: &mut ThreadState, tb: &Value) -> PyResult<Vec<TbEntry>> {
    let class = frames_attr(ts, "traceback")?;
    let mut entries = Vec::new();
    let mut node = tb.clone();
    while !node.is_none() {
        let is_tb = matches!((&node, &class), (Value::Obj(o), Value::Obj(c))
            if ObjRef::ptr_eq(&crate::object::class_of::class_of(ts, &Value::Obj(o.clone())), c));
        if !is_tb {
            return Err(ts.type_error("__traceback__ must be a traceback or None"));
        }
        entries.push(tb_entry(ts, &node)?);
        node = get_attr(ts, &node, &Value::new_str("tb_next"))?;
        if entries.len() > 100_000 {
            break;
        }
    }
    entries.reverse();
    Ok(entries)
}

/// The recorded entry of one traceback object (its frame's code and globals, `tb_lasti`).
fn tb_entry(ts: &mut ThreadState, tb: &Value) -> PyResult<TbEntry> {
    let attr = |ts: &mut ThreadState, v: &Value, name: &str| get_attr(ts, v, &Value::new_str(name));
    let frame = attr(ts, tb, "tb_frame")?;
    let code = attr(ts, &frame, "f_code")?;
    let globals = attr(ts, &frame, "f_globals")?;
    let lasti = attr(ts, tb, "tb_lasti")?;
    match (code.obj().map(|o| &**o), globals, lasti) {
        (Some(Obj::Code(code)), Value::Obj(globals), Value::Int(lasti)) => {
            Ok((code.clone(), (lasti.max(0) / 2) as usize, globals))
        }
        _ => Err(ts.type_error("__traceback__ must be a traceback or None")),
    }
}
