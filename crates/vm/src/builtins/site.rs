//! `exit` and `quit`: what CPython's `site` module adds to the builtins (objects of
//! `_sitebuiltins.Quitter`): the repr tells how to leave the interactive prompt, and calling
//! one raises `SystemExit(code)`.

use std::cell::RefCell;

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::typeobj::{Instance, TypeId, TypeObj};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::function::{Args, NativeFn, NativeFunction};

const METHODS: &[(&str, NativeFn)] = &[("__repr__", quitter_repr), ("__call__", quitter_call)];

/// The `exit` and `quit` objects, to store in the builtins.
pub fn quitters(ts: &ThreadState) -> [(&'static str, Value); 2] {
    let mut d = Dict::new();
    for (name, f) in METHODS {
        let method = NativeFunction {
            name,
            f: *f,
            this: Value::Null,
            is_method: true,
        };
        d.set_str(name, Value::Obj(ObjRef::new(Obj::Native(method))));
    }
    let object = ts.rt.type_obj(TypeId::Object).clone();
    let class = ObjRef::new(Obj::Type(TypeObj {
        name: "Quitter".into(),
        module: "_sitebuiltins".into(),
        bases: vec![object.clone()],
        mro: vec![object],
        dict: RefCell::new(d),
        builtin: TypeId::Object,
        is_exception: false,
    }));
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
        .and_then(|i| i.attrs().borrow().get_str(name).cloned())
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
