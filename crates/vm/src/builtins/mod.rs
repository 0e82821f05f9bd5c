//! The `builtins` namespace: its functions ([`functions`], [`numeric_functions`]) and
//! [`install`], which fills it with the built-in types, exception classes and functions.
//!
//! Imports: every layer below it (`object/` to `stdlib/`: `print` and `input` use
//! `sys`'s streams, `open` is `io`'s).

pub mod eval;
pub mod functions;
pub mod numeric_functions;
pub mod site;

use crate::interp::thread_state::ThreadState;
use crate::object::error::ExcKind;
use crate::object::typeobj::TypeId;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{native_value, NativeFunction};

/// Fills the builtins dict of a new runtime.
pub fn install(ts: &ThreadState) {
    let rt = &ts.rt;
    let put = |name: &str, v: Value| store_dict(&rt.builtins, &Value::new_str(name), v);
    for id in TypeId::ALL.into_iter().filter(|id| id.in_builtins()) {
        put(id.name(), Value::Obj(rt.type_obj(id).clone()));
    }
    // `LimitExceeded` (a sandbox's limits) is no CPython builtin: not named there.
    for (kind, name, _) in ExcKind::ALL
        .iter()
        .filter(|e| e.0 != ExcKind::LimitExceeded)
    {
        put(name, Value::Obj(rt.exc_types[*kind as usize].clone()));
    }
    crate::objects::exception::install_methods(&rt.exc_types[ExcKind::BaseException as usize]);
    put(
        "__build_class__",
        native_value(
            "__build_class__",
            crate::protocol::class_new::build_class,
            Value::Null,
        ),
    );
    put(
        "__import__",
        native_value(
            "__import__",
            crate::interp::import::builtin_import,
            Value::Null,
        ),
    );
    for (name, quitter) in site::quitters(ts) {
        put(name, quitter);
    }
    put("None", Value::None);
    put("NotImplemented", rt.not_implemented.clone());
    put("Ellipsis", Value::Obj(ObjRef::new(Obj::Ellipsis)));
    // CPython's compiler folds `__debug__` to True (no -O); here it is a builtin name.
    put("__debug__", Value::Bool(true));
    put("__name__", Value::new_str("builtins"));
    for &(name, reads_frame, f) in crate::interp::frame_builtins::FUNCTIONS {
        let native = NativeFunction {
            name,
            f,
            this: Value::Null,
            is_method: false,
            reads_frame: Some(reads_frame),
            caller_scope: false,
            of_builtin_type: None,
        };
        put(name, Value::Obj(ObjRef::new(Obj::Native(native))));
    }
    put(
        "open",
        native_value("open", crate::stdlib::io::open, Value::Null),
    );
    for (name, f) in functions::FUNCTIONS.iter().chain(eval::FUNCTIONS) {
        put(name, native_value(name, *f, Value::Null));
    }
    for &(name, f) in eval::SCOPED_FUNCTIONS {
        let native = NativeFunction {
            name,
            f,
            this: Value::Null,
            is_method: false,
            reads_frame: None,
            caller_scope: true,
            of_builtin_type: None,
        };
        put(name, Value::Obj(ObjRef::new(Obj::Native(native))));
    }
}
