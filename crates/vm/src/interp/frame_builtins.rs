//! `globals()` and `locals()`: builtins that read the calling frame. A direct call is answered
//! from the frame by the call path; reached any other way (`f = globals; f()`),
//! they fall back to the `__main__` module.

use crate::interp::frame::Frame;
use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, FrameFn, NativeFn};

/// The frame builtins: name, the implementation that reads the calling frame, and the fallback
/// for other ways of calling them.
pub const FUNCTIONS: &[(&str, FrameFn, NativeFn)] = &[
    ("globals", globals, main_globals),
    ("locals", |_, f| locals(f), main_globals),
];

/// `globals()` called from frame `f`.
fn globals(_ts: &ThreadState, f: &Frame) -> Value {
    Value::Obj(f.globals.clone())
}

/// A module or class body's namespace, or a snapshot of a function's local variables.
pub fn locals(f: &Frame) -> Value {
    if let Some(ns) = &f.namespace {
        return Value::Obj(ns.clone());
    }
    let code = &f.code.code;
    if code
        .flags
        .has(gilvm_compiler::bytecode::CodeFlags::NAMESPACE)
    {
        return Value::Obj(f.globals.clone());
    }
    let mut d = Dict::new();
    for (name, v) in code.varnames.iter().zip(&f.slots) {
        if !v.is_null() {
            d.set_str(name, v.clone());
        }
    }
    let cell_names = code.cellvars.iter().chain(&code.freevars);
    for (name, cell) in cell_names.zip(&f.cells) {
        if let Obj::Cell(c) = &**cell {
            let v = c.borrow().clone();
            if !v.is_null() {
                d.set_str(name, v);
            }
        }
    }
    Value::new_dict(d)
}

fn main_globals(ts: &mut ThreadState, _this: &Value, _args: &Args) -> PyResult {
    let main = crate::objects::dict::dict_get(&ts.rt.sys_modules, &Value::new_str("__main__"));
    match main.as_ref().and_then(|m| m.obj()).map(|o| &**o) {
        Some(Obj::Module { dict, .. }) => Ok(Value::Obj(dict.clone())),
        _ => Ok(Value::new_dict(Dict::new())),
    }
}
