//! Built-in modules.

pub mod math;
pub mod socket;
pub mod sys;
pub mod time;

use crate::builtins::native_value;
use crate::import::new_module;
use crate::names::store_dict;
use crate::thread::ThreadState;
use crate::types::function::NativeFn;
use crate::value::{ObjRef, Value};

/// Creates the built-in module `name`, if there is one.
pub fn create(ts: &mut ThreadState, name: &str) -> Option<Value> {
    let (module, dict) = new_module(name);
    match name {
        "sys" => sys::fill(ts, &dict),
        "time" => add_functions(&dict, time::FUNCTIONS),
        "math" => math::fill(&dict),
        "socket" => socket::fill(ts, &dict),
        _ => return None,
    }
    Some(module)
}

pub fn add_functions(dict: &ObjRef, functions: &[(&'static str, NativeFn)]) {
    for (name, f) in functions {
        store_dict(
            dict,
            &Value::new_str(*name),
            native_value(name, *f, Value::Null),
        );
    }
}
