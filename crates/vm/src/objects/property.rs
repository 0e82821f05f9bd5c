//! `property`: construction, the `getter`/`setter`/`deleter` decorators and its attributes.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::descriptors::{checked_instance, name_and_owner};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::attr::get_attr;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("getter", with_getter),
    ("setter", with_setter),
    ("deleter", with_deleter),
    ("__get__", get),
    ("__set__", set),
    ("__delete__", delete),
];

/// What a descriptor of a built-in layout shares with `property`: its access methods.
pub const ACCESS_METHODS: &[(&str, NativeFn)] =
    &[("__get__", get), ("__set__", set), ("__delete__", delete)];

/// The message of a property used without the accessor it needs.
fn missing(ts: &ThreadState, what: &str, obj: &Value) -> crate::object::value::ObjRef {
    let owner = crate::object::class_of::type_name(ts, obj);
    ts.new_exc(
        crate::object::error::ExcKind::AttributeError,
        format!("property of '{owner}' object has no {what}"),
    )
}

/// `property.__get__(obj, type=None)`: the property itself when `obj` is `None`.
fn get(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__get__", args, 1, 2)?;
    if a[0].is_none() {
        return Ok(this.clone());
    }
    let (getter, ..) = parts(this);
    if getter.is_none() {
        return Err(missing(ts, "getter", &a[0]));
    }
    crate::protocol::call::call_value(ts, &getter, &a[..1], &[])
}

/// `property.__set__(obj, value)`.
fn set(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__set__", args, 2, 2)?;
    let (_, setter, ..) = parts(this);
    if setter.is_none() {
        return Err(missing(ts, "setter", &a[0]));
    }
    crate::protocol::call::call_value(ts, &setter, a, &[])?;
    Ok(Value::None)
}

/// `property.__delete__(obj)`.
fn delete(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "__delete__", args, 1, 1)?;
    let (_, _, deleter, _) = parts(this);
    if deleter.is_none() {
        return Err(missing(ts, "deleter", &a[0]));
    }
    crate::protocol::call::call_value(ts, &deleter, a, &[])?;
    Ok(Value::None)
}

/// The accessors of a property: (getter, setter, deleter, doc).
type Parts = (Value, Value, Value, Value);

fn new_value((getter, setter, deleter, doc): Parts) -> Value {
    Value::Obj(ObjRef::new(Obj::Property {
        getter,
        setter,
        deleter,
        doc: std::cell::RefCell::new(doc),
        native: None,
    }))
}

/// The getter's docstring, when no explicit `doc` was given.
fn doc_of(ts: &mut ThreadState, getter: &Value) -> Value {
    if getter.is_none() {
        return Value::None;
    }
    get_attr(ts, getter, &Value::new_str("__doc__")).unwrap_or(Value::None)
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn construct(ts: &mut ThreadState, args: &Args) -> PyResult {
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    let given = args.pos.len() + args.kwnames.len();
    if given > 4 {
        return Err(ts.type_error(format!(
            "property() takes at most 4 arguments ({given} given)"
        )));
    }
    let mut slots: [Value; 4] = Default::default();
    slots[..args.pos.len()].clone_from_slice(args.pos);
    for (k, v) in args.kwnames.iter().zip(args.kwvals) {
        let name = k.as_str().map_or("", |s| s.as_str());
        match NAMES.iter().position(|n| *n == name) {
            Some(i) if i < args.pos.len() => {
                return Err(ts.type_error(format!(
                    "argument for property() given by name ('{name}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = v.clone(),
            None => {
                return Err(ts.type_error(format!(
                    "'{name}' is an invalid keyword argument for property()"
                )))
            }
        }
    }
    let [getter, setter, deleter, doc] = slots;
    let doc = if doc.is_none() {
        doc_of(ts, &getter)
    } else {
        doc
    };
    Ok(new_value((getter, setter, deleter, doc)))
}

fn parts(this: &Value) -> Parts {
    match this.obj().map(|o| &**o) {
        Some(Obj::Property {
            getter,
            setter,
            deleter,
            doc,
            ..
        }) => (
            getter.clone(),
            setter.clone(),
            deleter.clone(),
            doc.borrow().clone(),
        ),
        _ => Default::default(),
    }
}

/// CPython's `property_copy`: a new property with the accessors given (`None` keeps the
/// old one); it takes the new getter's docstring when the old one's came from its getter.
fn copy_with(ts: &mut ThreadState, this: &Value, replaced: usize, accessor: &Value) -> PyResult {
    let (getter, setter, deleter, doc) = parts(this);
    let mut accessors = [getter, setter, deleter];
    let doc_from_getter = !accessors[0].is_none() && {
        let getter_doc = doc_of(ts, &accessors[0]);
        !doc.is_none() && crate::protocol::ops::eq(ts, &doc, &getter_doc)?
    };
    if !accessor.is_none() {
        accessors[replaced] = accessor.clone();
    }
    let [getter, setter, deleter] = accessors;
    let doc = if doc_from_getter || doc.is_none() {
        doc_of(ts, &getter)
    } else {
        doc
    };
    Ok(new_value((getter, setter, deleter, doc)))
}

fn with_getter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getter", args, 1, 1)?;
    copy_with(ts, this, 0, &a[0])
}

fn with_setter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setter", args, 1, 1)?;
    copy_with(ts, this, 1, &a[0])
}

fn with_deleter(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "deleter", args, 1, 1)?;
    copy_with(ts, this, 2, &a[0])
}

/// `fget`, `fset`, `fdel` and `__doc__`.
pub fn data_attr(prop: &Obj, name: &str) -> Option<Value> {
    let Obj::Property {
        getter,
        setter,
        deleter,
        doc,
        ..
    } = prop
    else {
        return None;
    };
    match name {
        "fget" => Some(getter.clone()),
        "fset" => Some(setter.clone()),
        "fdel" => Some(deleter.clone()),
        "__doc__" => Some(doc.borrow().clone()),
        "__isabstractmethod__" => Some(Value::Bool(
            [getter, setter, deleter].into_iter().any(is_abstract),
        )),
        _ => None,
    }
}

/// The `member_descriptor` of a `__slots__` name of the instances of `owner` (`None` while
/// the class is being made): its accessors read, write and delete the name in the
/// instance's storage, once the instance is known to have the owner's layout.
pub fn slot_descriptor(name: &Value, owner: Value) -> Value {
    crate::objects::descriptors::new(true, name, owner, [slot_get, slot_set, slot_delete])
}

fn slot_missing(ts: &ThreadState, obj: &Value, name: &Value) -> crate::object::value::ObjRef {
    ts.new_exc(
        crate::object::error::ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            crate::object::class_of::type_name(ts, obj),
            name.as_str().map_or("", |s| s.as_str())
        ),
    )
}

fn slot_get(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = checked_instance(ts, receiver, args, 1)?;
    let (name, _) = name_and_owner(receiver);
    let found = a[0].as_instance().and_then(|i| i.attr(&name));
    found.ok_or_else(|| slot_missing(ts, &a[0], &name))
}

fn slot_set(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = checked_instance(ts, receiver, args, 2)?;
    let (name, _) = name_and_owner(receiver);
    if let Some(inst) = a[0].as_instance() {
        inst.set_attr(name, a[1].clone());
    }
    Ok(Value::None)
}

fn slot_delete(ts: &mut ThreadState, receiver: &Value, args: &Args) -> PyResult {
    let a = checked_instance(ts, receiver, args, 1)?;
    let (name, _) = name_and_owner(receiver);
    let removed = a[0].as_instance().and_then(|i| i.remove_attr(&name));
    removed
        .map(|_| Value::None)
        .ok_or_else(|| slot_missing(ts, &a[0], &name))
}

/// Whether a function was marked by `abc.abstractmethod` (`__isabstractmethod__` is true).
pub fn is_abstract(f: &Value) -> bool {
    match f.obj().map(|o| &**o) {
        Some(Obj::Function(func)) => matches!(
            func.attrs.borrow().get_str("__isabstractmethod__"),
            Some(Value::Bool(true))
        ),
        _ => false,
    }
}
