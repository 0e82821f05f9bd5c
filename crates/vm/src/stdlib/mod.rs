//! Built-in modules.

pub mod _thread;
pub mod gilmod;
pub mod io;
pub mod math;
pub mod os;
pub mod socket;
pub mod sys;
pub mod time;

use crate::builtins::native_value;
use crate::interp::import::new_module;
use crate::interp::names::store_dict;
use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{ObjRef, Value};
use crate::objects::function::NativeFn;

/// Creates the built-in module `name`, if there is one.
pub fn create(ts: &mut ThreadState, name: &str) -> Option<Value> {
    if name == "builtins" {
        return Some(Value::Obj(ObjRef::new(crate::object::value::Obj::Module {
            name: name.into(),
            dict: ts.rt.builtins.clone(),
        })));
    }
    let (module, dict) = new_module(name);
    match name {
        "sys" => sys::fill(ts, &dict),
        "time" => add_functions(&dict, time::FUNCTIONS),
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

/// The modules whose creation runs Python code (embedded sources under `py/`), so it can
/// fail: `_thread`, `threading`, `gil`, `collections`, `os`, `io`, `math`, `random`, `queue`,
/// `functools` and `itertools`. `None` for any other name.
pub fn create_thread_module(ts: &mut ThreadState, name: &str) -> Option<PyResult> {
    let (module, dict) = new_module(name);
    let filled = match name {
        "_thread" => _thread::fill(ts, &dict),
        "threading" => run_embedded(ts, name, include_str!("threading.py"), &dict),
        "collections" => run_embedded(ts, name, include_str!("collections.py"), &dict),
        "os" => fill_os(ts, &dict),
        "random" => run_embedded(ts, name, include_str!("random.py"), &dict),
        "queue" => run_embedded(ts, name, include_str!("queue.py"), &dict),
        "functools" => run_embedded(ts, name, include_str!("functools.py"), &dict),
        "itertools" => run_embedded(ts, name, include_str!("itertools.py"), &dict),
        "io" => {
            add_functions(&dict, io::FUNCTIONS);
            run_embedded(ts, name, include_str!("io.py"), &dict)
        }
        "math" => {
            math::fill(&dict);
            run_embedded(ts, name, include_str!("math.py"), &dict)
        }
        "gil" => {
            add_functions(&dict, gilmod::FUNCTIONS);
            Ok(())
        }
        _ => return None,
    };
    Some(filled.map(|()| module))
}

/// `os`: the native functions, the embedded Python part, and `os.path` (also registered as
/// the module `os.path`).
fn fill_os(ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    os::fill(dict);
    let (path_module, path_dict) = new_module("posixpath");
    add_functions(&path_dict, os::FUNCTIONS);
    run_embedded(ts, "posixpath", include_str!("posixpath.py"), &path_dict)?;
    store_dict(dict, &Value::new_str("path"), path_module.clone());
    store_dict(&ts.rt.sys_modules, &Value::new_str("os.path"), path_module);
    run_embedded(ts, "os", include_str!("os.py"), dict)
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
    crate::interp::import::run_module_code(ts, code, dict)
}
