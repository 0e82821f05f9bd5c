//! Exceptions nobody can catch — raised by a `__del__`, a weakref or `gc` callback, an
//! `atexit` callback, a thread's function, a generator's `finally` at finalization — go to
//! `sys.unraisablehook`, as CPython's `_PyErr_WriteUnraisableMsg` sends them: the hook gets
//! a `UnraisableHookArgs` record; without a hook (or `None`), or if the hook itself raises,
//! the default writes "Exception ignored in: <object>", the traceback and the exception to
//! `sys.stderr`.

use crate::interp::frame_objects::{get_traceback, traceback_entries};
use crate::interp::thread_state::ThreadState;
use crate::interp::traceback::{entry, format_entries, format_traceback};
use crate::object::class_of::class_of;
use crate::object::error::{exc_data, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::dict_get;
use crate::protocol::attr::get_attr;
use crate::protocol::call::call_value;
use crate::text::repr::{repr, str_of};

/// Reports `exc`, which `obj` (`Value::None`: no object) raised and nobody can catch.
/// `context` completes CPython's "Exception ignored ..." (`"in atexit callback"`); `None`
/// gives the plain "Exception ignored in: <obj>".
pub fn write_unraisable(ts: &mut ThreadState, context: Option<&str>, obj: &Value, exc: &ObjRef) {
    let err_msg = context.map_or(Value::None, |c| {
        Value::new_str(format!("Exception ignored {c}"))
    });
    let hook = sys_attr(ts, "unraisablehook").filter(|hook| !hook.is_none());
    let Some(hook) = hook else {
        return write_default(ts, exc, &err_msg, obj);
    };
    let called = hook_args(ts, exc, &err_msg, obj)
        .and_then(|args| call_value(ts, &hook, &[args], &[]).map(|_| ()));
    if let Err(failure) = called {
        let err_msg = Value::new_str("Exception ignored in sys.unraisablehook");
        write_default(ts, &failure, &err_msg, &hook);
    }
}

/// `sys.unraisablehook`'s argument: `UnraisableHookArgs(exc_type, exc_value, exc_traceback,
/// err_msg, object)`, the traceback being the exception's `__traceback__`.
fn hook_args(ts: &mut ThreadState, exc: &ObjRef, err_msg: &Value, obj: &Value) -> PyResult {
    let class = ts.rt.unraisable_hook_args.borrow().clone();
    let exc_value = Value::Obj(exc.clone());
    let exc_traceback = get_traceback(ts, exc).unwrap_or(Value::None);
    let fields = vec![
        Value::Obj(class_of(ts, &exc_value)),
        exc_value,
        exc_traceback,
        err_msg.clone(),
        obj.clone(),
    ];
    match class {
        Some(class) => call_value(ts, &Value::Obj(class), &[Value::new_tuple(fields)], &[]),
        None => Ok(Value::new_tuple(fields)),
    }
}

/// The five fields of an `UnraisableHookArgs` record, or `None` if `args` is not one.
pub fn hook_args_fields(ts: &ThreadState, args: &Value) -> Option<Vec<Value>> {
    let class = ts.rt.unraisable_hook_args.borrow().clone()?;
    let inst = args.as_instance()?;
    if !std::ptr::eq(inst.class(), &*class) {
        return None;
    }
    let base = inst.base();
    match base.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) if items.len() == 5 => Some(items.to_vec()),
        _ => None,
    }
}

fn write_default(ts: &mut ThreadState, exc: &ObjRef, err_msg: &Value, obj: &Value) {
    let exc_value = Value::Obj(exc.clone());
    let exc_type = Value::Obj(class_of(ts, &exc_value));
    let text = default_text(ts, &exc_type, &exc_value, None, err_msg, obj);
    write_to_sys_stderr(ts, &text);
}

/// What the default hook writes for these fields (CPython's `write_unraisable_exc_file`).
/// `exc_traceback` is the record's traceback object (`None`: no traceback lines), or `None`
/// for `exc_value`'s own (when no record was made).
pub fn default_text(
    ts: &mut ThreadState,
    exc_type: &Value,
    exc_value: &Value,
    exc_traceback: Option<&Value>,
    err_msg: &Value,
    obj: &Value,
) -> String {
    let mut out = String::new();
    let err_msg = (!err_msg.is_none()).then(|| str_of(ts, err_msg).unwrap_or_default());
    if !obj.is_none() {
        out.push_str(err_msg.as_deref().unwrap_or("Exception ignored in"));
        out.push_str(": ");
        out.push_str(&repr(ts, obj).unwrap_or_else(|_| "<object repr() failed>".into()));
        out.push('\n');
    } else if let Some(err_msg) = err_msg {
        out.push_str(&err_msg);
        out.push_str(":\n");
    }
    match exc_traceback {
        None => {
            if let Some(exc) = exc_value.obj().filter(|e| exc_data(e).is_some()) {
                format_traceback(ts, exc, &mut out);
            }
        }
        // A traceback the hook's caller made up and that cannot be read prints no lines.
        Some(tb) => {
            let entries = traceback_entries(ts, tb).unwrap_or_default();
            let entries: Vec<_> = entries
                .iter()
                .rev()
                .map(|(c, ip, _)| entry(c, *ip))
                .collect();
            format_entries(ts, &entries, &mut out);
        }
    }
    if exc_type.is_none() {
        return out;
    }
    out.push_str(&type_name(ts, exc_type));
    if !exc_value.is_none() {
        out.push_str(": ");
        let text = str_of(ts, exc_value);
        out.push_str(&text.unwrap_or_else(|_| "<exception str() failed>".into()));
    }
    out.push('\n');
    out
}

/// `module.Name` of an exception class (its `__module__` as it is now), without the module
/// for `builtins` and `__main__`.
fn type_name(ts: &mut ThreadState, exc_type: &Value) -> String {
    let name = match exc_type.obj().map(|o| &**o) {
        Some(Obj::Type(t)) => t.name.clone(),
        _ => "<unknown>".into(),
    };
    let module = get_attr(ts, exc_type, &Value::new_str("__module__")).ok();
    match module.as_ref().and_then(Value::as_str).map(|m| m.as_str()) {
        Some("builtins" | "__main__") => name,
        Some(module) => format!("{module}.{name}"),
        None => format!("<unknown>{name}"),
    }
}

/// Writes to `sys.stderr` as CPython's default hook does: nothing if it is gone or `None`,
/// the process's stderr for the standard stream (or before `sys` is loaded), else its
/// `write` and `flush` (errors ignored).
pub fn write_to_sys_stderr(ts: &mut ThreadState, text: &str) {
    if sys_dict(ts).is_none() {
        return ts.rt.write_stderr(text);
    }
    let Some(stderr) = sys_attr(ts, "stderr").filter(|s| !s.is_none()) else {
        return;
    };
    if crate::stdlib::sys::stream_fd(&stderr).is_some() {
        return ts.rt.write_stderr(text);
    }
    for (method, args) in [("write", vec![Value::new_str(text)]), ("flush", vec![])] {
        let written = get_attr(ts, &stderr, &Value::new_str(method))
            .and_then(|m| call_value(ts, &m, &args, &[]));
        if written.is_err() {
            return;
        }
    }
}

/// `sys.NAME`, if `sys` is loaded and has it.
fn sys_attr(ts: &ThreadState, name: &str) -> Option<Value> {
    dict_get(&sys_dict(ts)?, &Value::new_str(name))
}

/// The namespace of `sys`, once it is loaded.
fn sys_dict(ts: &ThreadState) -> Option<ObjRef> {
    let sys = dict_get(&ts.rt.sys_modules, &Value::new_str("sys"))?;
    match &**sys.obj()? {
        Obj::Module { dict, .. } => Some(dict.clone()),
        _ => None,
    }
}
