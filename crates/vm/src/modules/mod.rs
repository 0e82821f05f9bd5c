//! Built-in modules.

pub mod gilmod;
pub mod math;
pub mod socket;
pub mod sys;
pub mod thread;
pub mod time;

use crate::builtins::native_value;
use crate::error::{ExcKind, PyResult};
use crate::import::new_module;
use crate::names::store_dict;
use crate::thread::ThreadState;
use crate::types::function::NativeFn;
use crate::value::{ObjRef, Value};

/// Creates the built-in module `name`, if there is one.
pub fn create(ts: &mut ThreadState, name: &str) -> Option<Value> {
    if name == "builtins" {
        return Some(Value::Obj(ObjRef::new(crate::value::Obj::Module {
            name: name.into(),
            dict: ts.rt.builtins.clone(),
        })));
    }
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

/// The thread modules (their creation runs Python code, so it can fail): `_thread`,
/// `threading` and `gil`. `None` for any other name.
pub fn create_thread_module(ts: &mut ThreadState, name: &str) -> Option<PyResult> {
    let (module, dict) = new_module(name);
    let filled = match name {
        "_thread" => thread::fill(ts, &dict),
        "threading" => run_embedded(ts, name, include_str!("py/threading.py"), &dict),
        "gil" => {
            add_functions(&dict, gilmod::FUNCTIONS);
            Ok(())
        }
        _ => return None,
    };
    Some(filled.map(|()| module))
}

/// Runs a module's Python source embedded in the binary (reported as `<frozen NAME>`, as
/// CPython reports its frozen modules).
pub fn run_embedded(ts: &mut ThreadState, name: &str, source: &str, dict: &ObjRef) -> PyResult<()> {
    let filename = format!("<frozen {name}>");
    let code = (ts.rt.compile)(source, &filename).map_err(|e| {
        ts.new_exc(
            ExcKind::SyntaxError,
            format!("{} ({filename}, line {})", e.message, e.line),
        )
    })?;
    crate::import::run_module_code(ts, code, dict)
}
