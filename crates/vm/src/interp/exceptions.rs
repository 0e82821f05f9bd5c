//! Raising and catching: traceback entries, implicit chaining (`__context__`), `raise`,
//! `except` matching and the `with` protocol.

use gilvm_compiler::Mode;

use crate::interp::frame::Frame;
use crate::interp::sandbox::Access;
use crate::interp::thread_state::ThreadState;
use crate::object::class_of::{class_of, type_name};
use crate::object::error::{exc_data, new_exception, ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::typeobj::is_subclass;
use crate::object::value::{Obj, ObjRef, Value};
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;

/// Called when `exc` surfaces in frame `f` (raised there or propagated from a callee): adds
/// the traceback entry and sets the implicit `__context__`.
#[inline(never)]
pub fn record_raise(ts: &mut ThreadState, f: &Frame, exc: &ObjRef) {
    if std::mem::take(&mut ts.reraising) {
        return;
    }
    let Some(data) = exc_data(exc) else { return };
    {
        let mut data = data.borrow_mut();
        data.traceback
            .push((f.code.clone(), f.current_ip(), f.globals.clone()));
        data.traceback_object = Value::Null;
    }
    if let Value::Obj(handled) = &ts.handled {
        if !ObjRef::ptr_eq(handled, exc)
            && data.borrow().context.is_none()
            && !chain_contains(handled, exc)
        {
            data.borrow_mut().context = ts.handled.clone();
        }
    }
}

/// Whether `exc` already appears in `start`'s context chain (to avoid making a cycle).
fn chain_contains(start: &ObjRef, exc: &ObjRef) -> bool {
    let mut current = start.clone();
    for _ in 0..1000 {
        let next = match exc_data(&current) {
            Some(d) => d.borrow().context.clone(),
            None => return false,
        };
        match next {
            Value::Obj(o) if ObjRef::ptr_eq(&o, exc) => return true,
            Value::Obj(o) => current = o,
            _ => return false,
        }
    }
    false
}

/// Turns the operand of `raise` into an exception instance.
fn make_exception(ts: &mut ThreadState, v: &Value) -> PyResult<ObjRef> {
    if let Value::Obj(o) = v {
        match &**o {
            Obj::Type(t) if t.is_exception => {
                let inst = call_value(ts, v, &[], &[])?;
                if let Value::Obj(e) = inst {
                    return Ok(e);
                }
            }
            Obj::Instance(inst) if inst.exc.is_some() => return Ok(o.clone()),
            _ => {}
        }
    }
    Err(ts.type_error("exceptions must derive from BaseException"))
}

/// `RaiseVarargs(n)`: `Ok(exc)` is the exception to raise.
pub fn raise(ts: &mut ThreadState, f: &mut Frame, n: u32) -> PyResult<ObjRef> {
    match n {
        0 => match &ts.handled {
            Value::Obj(exc) => {
                let exc = exc.clone();
                ts.reraising = true;
                Ok(exc)
            }
            _ => Err(ts.new_exc(ExcKind::RuntimeError, "No active exception to reraise")),
        },
        1 => {
            let v = f.pop();
            make_exception(ts, &v)
        }
        _ => {
            let cause = f.pop();
            let v = f.pop();
            let exc = make_exception(ts, &v)?;
            let cause = if cause.is_none() {
                Value::None
            } else {
                Value::Obj(make_exception(ts, &cause).map_err(|_| {
                    ts.type_error("exception causes must derive from BaseException")
                })?)
            };
            if let Some(data) = exc_data(&exc) {
                let mut data = data.borrow_mut();
                data.cause = cause;
                data.suppress_context = true;
            }
            Ok(exc)
        }
    }
}

/// `Reraise`: raise `exc` again without a new traceback entry.
pub fn reraise(ts: &mut ThreadState, exc: Value) -> ObjRef {
    match exc {
        Value::Obj(o) => {
            ts.reraising = true;
            o
        }
        _ => ts.new_exc(ExcKind::RuntimeError, "Reraise of a non-exception"),
    }
}

fn is_exception_class(v: &Value) -> bool {
    matches!(v.obj().map(|o| &**o), Some(Obj::Type(t)) if t.is_exception)
}

/// `except class:` matching (a class or a tuple of classes).
pub fn exc_match(ts: &mut ThreadState, exc: &Value, class: &Value) -> PyResult<bool> {
    let classes: &[Value] = match class.obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t,
        _ => std::slice::from_ref(class),
    };
    if !classes.iter().all(is_exception_class) {
        return Err(
            ts.type_error("catching classes that do not inherit from BaseException is not allowed")
        );
    }
    let exc_class = class_of(ts, exc);
    Ok(classes
        .iter()
        .any(|c| c.obj().is_some_and(|c| is_subclass(&exc_class, c))))
}

/// `SetupWith`: returns (bound `__exit__`, result of `__enter__()`).
#[inline(never)]
pub fn enter_with(ts: &mut ThreadState, mgr: &Value) -> PyResult<(Value, Value)> {
    let protocol_error = |ts: &ThreadState| {
        ts.type_error(format!(
            "'{}' object does not support the context manager protocol",
            type_name(ts, mgr)
        ))
    };
    let enter = get_attr(ts, mgr, &ts.rt.names.get(Dunder::Enter).clone())
        .map_err(|_| protocol_error(ts))?;
    let exit = get_attr(ts, mgr, &ts.rt.names.get(Dunder::Exit).clone())
        .map_err(|_| protocol_error(ts))?;
    let entered = call_value(ts, &enter, &[], &[])?;
    Ok((exit, entered))
}

/// `WithExceptStart`: `exit(type(exc), exc, traceback)`.
pub fn call_exit(ts: &mut ThreadState, exit: &Value, exc: &Value) -> PyResult {
    let class = Value::Obj(class_of(ts, exc));
    call_value(ts, exit, &[class, exc.clone(), Value::None], &[])
}

/// A `SyntaxError` (or `IndentationError`/`TabError`) exception for a compile error, with
/// CPython's attributes (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
/// `end_offset`) and `args == (msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
///
/// `text` is the line's text: for an error of the parser, from `source` (with a newline added
/// except in `eval` mode, as CPython); for one of the compiler, read from the file `filename`
/// if it exists (CPython's `PyErr_ProgramTextObject`), else `None`.
pub fn syntax_error(
    ts: &ThreadState,
    e: &gilvm_syntax::SyntaxError,
    filename: &str,
    source: &str,
    mode: Mode,
) -> ObjRef {
    let kind = match e.kind {
        gilvm_syntax::SyntaxErrorKind::SyntaxError => ExcKind::SyntaxError,
        gilvm_syntax::SyntaxErrorKind::IndentationError => ExcKind::IndentationError,
        gilvm_syntax::SyntaxErrorKind::TabError => ExcKind::TabError,
        // Too deep a tree: CPython's exceptions of these classes carry no location.
        gilvm_syntax::SyntaxErrorKind::RecursionError => {
            let msg = vec![Value::new_str(&e.message)];
            return new_exception(ts.exc_class(ExcKind::RecursionError), msg);
        }
        gilvm_syntax::SyntaxErrorKind::MemoryError => {
            let msg = vec![Value::new_str(&e.message)];
            return new_exception(ts.exc_class(ExcKind::MemoryError), msg);
        }
    };
    let parsed = match mode {
        Mode::Eval => {
            gilvm_syntax::parse_expression(source.trim_start_matches([' ', '\t'])).is_ok()
        }
        Mode::Exec => gilvm_syntax::parse_module(source).is_ok(),
        // CPython's parser rejects a second statement in `single` mode.
        Mode::Single => {
            gilvm_syntax::parse_module(source).is_ok() && !e.message.starts_with("multiple")
        }
    };
    let line_of = |text: &str, add_newline: bool| {
        let mut lines = text.split_inclusive('\n');
        lines
            .nth((e.line as usize).saturating_sub(1))
            .map_or(Value::None, |l| {
                if add_newline && !l.ends_with('\n') {
                    Value::new_str(format!("{l}\n"))
                } else {
                    Value::new_str(l)
                }
            })
    };
    // A sandbox that may not read the file gets no line from it.
    let readable = crate::interp::sandbox::check_path(ts, Access::Read, filename).is_ok();
    let text = if parsed && readable {
        match std::fs::read_to_string(filename) {
            Ok(file) => line_of(&file, false),
            Err(_) => Value::None,
        }
    } else {
        line_of(source, mode != Mode::Eval)
    };
    let (line, col) = (Value::Int(e.line as i64), Value::Int(e.column as i64));
    let (end_line, end_col) = (
        Value::Int(e.end_line as i64),
        Value::Int(e.end_column as i64),
    );
    let details = Value::new_tuple(vec![
        Value::new_str(filename),
        line.clone(),
        col.clone(),
        text.clone(),
        end_line.clone(),
        end_col.clone(),
    ]);
    let msg = Value::new_str(&e.message);
    let exc = new_exception(ts.exc_class(kind), vec![msg.clone(), details]);
    if let Obj::Instance(inst) = &*exc {
        inst.set_attr_str("msg", msg);
        inst.set_attr_str("filename", Value::new_str(filename));
        inst.set_attr_str("lineno", line);
        inst.set_attr_str("offset", col);
        inst.set_attr_str("text", text);
        inst.set_attr_str("end_lineno", end_line);
        inst.set_attr_str("end_offset", end_col);
        inst.set_attr_str("print_file_and_line", Value::None);
    }
    exc
}
