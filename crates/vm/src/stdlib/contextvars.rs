//! The native part of `contextvars`: each thread's current context, kept in its
//! `ThreadState` (so a new thread starts without one, as in CPython).

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] =
    &[("_get_context", get_context), ("_set_context", set_context)];

/// `_get_context()`: the thread's current context, `None` before one is set.
fn get_context(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "_get_context", args, 0, 0)?;
    Ok(match &ts.context {
        Value::Null => Value::None,
        context => context.clone(),
    })
}

/// `_set_context(context)`: makes `context` the thread's current one.
fn set_context(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_set_context", args, 1, 1)?;
    // The displaced context is released after the store: its `__del__`s may read the new one.
    let previous = std::mem::replace(&mut ts.context, a[0].clone());
    drop(previous);
    Ok(Value::None)
}
