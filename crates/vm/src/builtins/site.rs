//! `exit` and `quit`: what CPython's `site` module adds to the builtins (objects of
//! `_sitebuiltins.Quitter`): the repr tells how to leave the interactive prompt, and calling
//! one raises `SystemExit(code)`.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::typeobj::Instance;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn};

const METHODS: &[(&str, NativeFn)] = &[("__repr__", quitter_repr), ("__call__", quitter_call)];

/// The `exit` and `quit` objects, to store in the builtins.
pub fn quitters(ts: &ThreadState) -> [(&'static str, Value); 2] {
    let class = crate::stdlib::sys::native_class(ts, "Quitter", "_sitebuiltins", METHODS);
    ["exit", "quit"].map(|name| {
        let mut attrs = Dict::new();
        attrs.set_str("name", Value::new_str(name));
        attrs.set_str("eof", Value::new_str("Ctrl-D (i.e. EOF)"));
        let inst = Instance::new(class.clone(), attrs, None);
        (name, Value::Obj(ObjRef::new(Obj::Instance(inst))))
    })
}

fn attr(this: &Value, name: &str) -> String {
    this.as_instance()
        .and_then(|i| i.attr_str(name))
        .and_then(|v| v.as_str().map(|s| s.as_str().to_string()))
        .unwrap_or_default()
}

fn quitter_repr(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "__repr__", args, 0, 0)?;
    let (name, eof) = (attr(this, "name"), attr(this, "eof"));
    Ok(Value::new_str(format!("Use {name}() or {eof} to exit")))
}

fn quitter_call(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__call__", args, 0, 1)?;
    let code = a.first().cloned().unwrap_or(Value::None);
    Err(new_exception(ts.exc_class(ExcKind::SystemExit), vec![code]))
}
