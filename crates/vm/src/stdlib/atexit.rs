//! The native part of `atexit`: calling one callback as CPython's `atexit_callfuncs` does,
//! its exception reported as unraisable, so that the traceback shows the callback's frames
//! and not the module's loop (`atexit.py`).

use crate::interp::thread_state::ThreadState;
use crate::interp::traceback::format_exception;
use crate::interp::unraisable::write_unraisable;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::protocol::call::call_ex;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_call", call)];

/// `_call(func, args, kwargs)`: `func(*args, **kwargs)`; an exception is printed as
/// unraisable ("Exception ignored in atexit callback: <func>" and its traceback), and
/// swallowed.
fn call(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_call", args, 3, 3)?;
    if let Err(exc) = call_ex(ts, &a[0], &a[1], Some(&a[2])) {
        write_unraisable(ts, Some("in atexit callback"), &a[0], &exc);
    }
    Ok(Value::None)
}

/// At exit, after the non-daemon threads are joined (CPython 3.11's order): runs the
/// callbacks if the module was imported.
pub fn run_exitfuncs(ts: &mut ThreadState) {
    let key = Value::new_str("atexit");
    let Some(module) = crate::objects::dict::dict_get(&ts.rt.sys_modules, &key) else {
        return;
    };
    let result = crate::protocol::attr::get_attr(ts, &module, &Value::new_str("_run_exitfuncs"))
        .and_then(|f| crate::protocol::call::call_value(ts, &f, &[], &[]));
    if let Err(exc) = result {
        let text = format_exception(ts, &exc);
        ts.rt.write_stderr(&format!(
            "Exception ignored in: atexit._run_exitfuncs\n{text}"
        ));
    }
}
