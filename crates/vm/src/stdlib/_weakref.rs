//! `_weakref`: the native half of `weakref` (`weakref.py` builds the Python classes on it).
//! The weakref table and slots are `object::gc::weak`.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::gc::weak::{register, weakrefs_of, WeakHandle};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_register", register_fn),
    ("_get", get),
    ("getweakrefcount", getweakrefcount),
    ("getweakrefs", getweakrefs),
];

/// Whether CPython lets `obj` be weakly referenced: instances of user classes (unless every
/// class of their MRO has `__slots__` without `'__weakref__'`), functions, classes, sets,
/// generators, methods, modules, code objects and locks.
fn weakrefable(obj: &Obj) -> bool {
    match obj {
        Obj::Instance(inst) => instance_weakrefable(inst.class()),
        Obj::Function(_)
        | Obj::Native(_)
        | Obj::Type(_)
        | Obj::Set { .. }
        | Obj::Generator(_)
        | Obj::BoundMethod { .. }
        | Obj::Module { .. }
        | Obj::Code(_)
        | Obj::Lock(_) => true,
        _ => false,
    }
}

fn instance_weakrefable(class: &Obj) -> bool {
    let Obj::Type(t) = class else {
        return false;
    };
    let mro = t.mro();
    let user_classes = std::iter::once(class)
        .chain(mro.iter().map(|c| &**c))
        .filter_map(|c| match c {
            Obj::Type(t) if t.module != "builtins" => Some(t),
            _ => None,
        });
    for t in user_classes {
        let dict = t.dict();
        let Some(slots) = dict.get_str("__slots__") else {
            return true;
        };
        if slots_name(slots, "__weakref__") {
            return true;
        }
    }
    // Only built-in classes (`object()`, `ValueError()`), or slots all the way down.
    false
}

/// Whether a `__slots__` value (a str or a sequence of them) names `name`.
fn slots_name(slots: &Value, name: &str) -> bool {
    if let Some(s) = slots.as_str() {
        return s.as_str() == name;
    }
    let items: Vec<Value> = match slots.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    items
        .iter()
        .any(|v| v.as_str().is_some_and(|s| s.as_str() == name))
}

/// `_register(obj, wref)`: makes `wref` a weak reference to `obj`; its native handle.
fn register_fn(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_register", args, 2, 2)?;
    let (Value::Obj(target), Value::Obj(wref)) = (&a[0], &a[1]) else {
        return Err(cannot(ts, &a[0]));
    };
    if !weakrefable(target) {
        return Err(cannot(ts, &a[0]));
    }
    register(target, wref).ok_or_else(|| cannot(ts, &a[0]))
}

fn cannot(ts: &ThreadState, v: &Value) -> ObjRef {
    ts.new_exc(
        ExcKind::TypeError,
        format!(
            "cannot create weak reference to '{}' object",
            type_name(ts, v)
        ),
    )
}

/// `_get(handle)`: the object, or `None` once it died.
fn get(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_get", args, 1, 1)?;
    let handle = a[0].obj().and_then(|o| o.handle::<WeakHandle>());
    Ok(handle
        .and_then(|h| h.0.get())
        .map_or(Value::None, Value::Obj))
}

fn getweakrefcount(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getweakrefcount", args, 1, 1)?;
    let n = a[0].obj().map_or(0, |o| weakrefs_of(o).len());
    Ok(Value::Int(n as i64))
}

fn getweakrefs(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getweakrefs", args, 1, 1)?;
    let refs = a[0].obj().map(weakrefs_of).unwrap_or_default();
    Ok(Value::new_list(refs.into_iter().map(Value::Obj).collect()))
}
