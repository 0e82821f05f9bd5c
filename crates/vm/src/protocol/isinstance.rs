//! `isinstance` and `issubclass` with their hooks: a class whose metaclass (or an object whose
//! class) defines `__instancecheck__`/`__subclasscheck__` answers for itself, as CPython's
//! `PyObject_IsInstance`/`PyObject_IsSubclass` do. Used by the builtins and by `match`'s class
//! patterns.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::class_of;
use crate::object::error::PyResult;
use crate::object::names::Dunder;
use crate::object::typeobj::is_subclass;
use crate::object::value::{Obj, ObjRef, Value};
use crate::protocol::call::call_value;

/// `isinstance(v, classinfo)`.
pub fn is_instance(ts: &mut ThreadState, v: &Value, classinfo: &Value) -> PyResult<bool> {
    check_with_hooks(ts, v, classinfo, "isinstance")
}

/// `issubclass(v, classinfo)`.
pub fn is_subclass_of(ts: &mut ThreadState, v: &Value, classinfo: &Value) -> PyResult<bool> {
    check_with_hooks(ts, v, classinfo, "issubclass")
}

/// `isinstance`/`issubclass` (`fname`) of `v` against `classinfo`: a tuple is checked item
/// by item; a hook answers for its class.
fn check_with_hooks(
    ts: &mut ThreadState,
    v: &Value,
    classinfo: &Value,
    fname: &str,
) -> PyResult<bool> {
    let instance = fname == "isinstance";
    if instance && crate::protocol::class::is_exact_class(ts, v, classinfo) {
        return Ok(true);
    }
    if let Some(Obj::Tuple(items)) = classinfo.obj().map(|o| &**o) {
        for item in items.iter() {
            if check_with_hooks(ts, v, item, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let dunder = if instance {
        Dunder::InstanceCheck
    } else {
        Dunder::SubclassCheck
    };
    let hook = match classinfo.obj().map(|o| &**o) {
        Some(Obj::Type(_)) => crate::protocol::class::meta_special(ts, classinfo, dunder),
        Some(Obj::Instance(inst)) => {
            crate::protocol::class::lookup_special(ts, inst.class(), dunder)
        }
        _ => None,
    };
    if let Some(hook) = hook {
        let r = call_value(ts, &hook, &[classinfo.clone(), v.clone()], &[])?;
        return crate::protocol::ops::truthy(ts, &r);
    }
    let classes = class_list(ts, classinfo, fname)?;
    if instance {
        let cls = class_of(ts, v);
        return Ok(classes.iter().any(|c| is_subclass(&cls, c)));
    }
    let Some(cls) = v.obj().filter(|o| matches!(&***o, Obj::Type(_))) else {
        return Err(ts.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(classes.iter().any(|c| is_subclass(cls, c)))
}

fn class_list(ts: &ThreadState, v: &Value, fname: &str) -> PyResult<Vec<ObjRef>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Type(_)) => Ok(vec![v.obj().cloned().unwrap_or_else(|| class_of(ts, v))]),
        Some(Obj::Tuple(items)) => {
            let mut out = Vec::new();
            for item in items.iter() {
                out.extend(class_list(ts, item, fname)?);
            }
            Ok(out)
        }
        _ => Err(ts.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}
